namespace CrisisCoord.Domain.Common;

/// <summary>
/// PostgreSQL keeps timestamps to the microsecond; truncating before storing means what we return (and
/// what a hash covers) equals what we stored.
/// </summary>
public static class Microseconds
{
    public static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
}
