namespace CrisisCoord.IntegrationTests.Infrastructure;

/// <summary>The checkout the tests were built from, for tests about its committed files.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CrisisCoord.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No CrisisCoord.sln above {AppContext.BaseDirectory}");
    }
}
