namespace CrisisCoord.IntegrationTests.Infrastructure;

/// <summary>The app's clock in tests: real time unless a test freezes it to make rows share a timestamp.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset? _frozen;

    public override DateTimeOffset GetUtcNow() => _frozen ?? base.GetUtcNow();

    public void Freeze(DateTimeOffset at) => _frozen = at;

    public void Reset() => _frozen = null;

    /// <summary>Moves the clock on and keeps it there.</summary>
    public void Advance(TimeSpan by) => _frozen = GetUtcNow() + by;
}
