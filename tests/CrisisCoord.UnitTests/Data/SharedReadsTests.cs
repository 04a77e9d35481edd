using CrisisCoord.Application.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisCoord.UnitTests.Data;

// WriteCounter is one per process; the tests of one class run one after another, and no other unit test writes.
public sealed class SharedReadsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly SharedReads _reads = new(new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>());
    private int _computed;

    [Fact]
    public async Task A_read_is_computed_once_and_shared_until_something_is_written()
    {
        (await ReadAsync(T0)).ShouldBe("computed 1 at 08:00:00");
        (await ReadAsync(T0.AddSeconds(5))).ShouldBe("computed 1 at 08:00:00");

        WriteCounter.Instance.Add();

        (await ReadAsync(T0.AddSeconds(6))).ShouldBe("computed 2 at 08:00:06", "the next read after a write sees it");
    }

    [Fact]
    public async Task Readers_arriving_while_it_is_computed_wait_for_that_one_computation()
    {
        var release = new TaskCompletionSource();
        var first = _reads.GetAsync("k", T0, async (_, at) => { await release.Task; return $"once {Interlocked.Increment(ref _computed)}"; }, CancellationToken.None);
        var second = _reads.GetAsync("k", T0.AddSeconds(1), (_, _) => Task.FromResult("never"), CancellationToken.None);

        release.SetResult();

        (await first).ShouldBe("once 1");
        (await second).ShouldBe("once 1");
    }

    [Fact]
    public async Task Once_old_it_is_served_while_a_newer_one_is_computed_and_after_twice_that_it_is_waited_for()
    {
        await ReadAsync(T0);

        (await ReadAsync(T0 + SharedReads.MaxAge + TimeSpan.FromSeconds(1))).ShouldBe("computed 1 at 08:00:00", "no reader waits while nothing was written");
        (await ReadAsync(T0 + SharedReads.MaxAge + TimeSpan.FromSeconds(2))).ShouldBe("computed 2 at 08:00:11", "the newer one, done meanwhile");
        (await ReadAsync(T0 + (SharedReads.MaxAge * 4))).ShouldBe("computed 3 at 08:00:40");
    }

    [Fact]
    public async Task A_clock_moved_back_or_a_failed_computation_is_not_served()
    {
        await ReadAsync(T0);
        (await ReadAsync(T0.AddMinutes(-1))).ShouldBe("computed 2 at 07:59:00");

        await Should.ThrowAsync<InvalidOperationException>(() => _reads.GetAsync<string>("failing", T0, (_, _) => throw new InvalidOperationException("database down"), CancellationToken.None));
        (await _reads.GetAsync("failing", T0, (_, _) => Task.FromResult("recovered"), CancellationToken.None)).ShouldBe("recovered");
    }

    [Fact]
    public async Task Forget_drops_what_is_kept()
    {
        await ReadAsync(T0);
        _reads.Forget();
        (await ReadAsync(T0)).ShouldBe("computed 2 at 08:00:00");
    }

    private Task<string> ReadAsync(DateTimeOffset now) =>
        _reads.GetAsync("k", now, (_, at) => Task.FromResult($"computed {Interlocked.Increment(ref _computed)} at {at:HH:mm:ss}"), CancellationToken.None);
}
