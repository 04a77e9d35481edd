namespace CrisisCoord.Application.Data;

/// <summary>Conditional writes (If-Match): the save succeeds only if the row still has the version the writer saw.</summary>
public static class ConditionalWrites
{
    /// <summary>
    /// Makes the next save of <paramref name="entity"/> conditional on its row version (xmin, the property
    /// <c>Version</c>) being <paramref name="seen"/>; a save over a newer row becomes a stale write (412).
    /// Without a version the save is unconditional.
    /// </summary>
    public static void ExpectVersion(this AppDbContext db, object entity, uint? seen)
    {
        if (seen is { } version)
        {
            db.Entry(entity).Property("Version").OriginalValue = version;
        }
    }
}
