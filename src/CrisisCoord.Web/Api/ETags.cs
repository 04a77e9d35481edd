namespace CrisisCoord.Web.Api;

/// <summary>Entity tags from the row version, so clients can make conditional writes.</summary>
public static class ETags
{
    public static string For(uint version) => $"\"{version}\"";
}
