using System.Collections.Frozen;
using System.Globalization;
using CrisisCoord.Application.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisCoord.Application.Data;

/// <summary>
/// Reads computed from many rows that every overseer's dashboard asks for alike (every organisation's obligations, the
/// balance of every open incident): computed once and shared, by readers arriving while it runs and by later ones until
/// anything is written in this process (<see cref="WriteCounter"/>) or <see cref="MaxAge"/> passes, whichever comes
/// first. A write here is seen by the very next read; one by another instance of the portal, or straight in the
/// database, within <see cref="MaxAge"/> (ADR 0033). What each reader may see of a shared read is still decided per
/// reader, after it.
/// </summary>
public sealed class SharedReads(IServiceScopeFactory scopes)
{
    /// <summary>How long a computation serves while nothing is written here; what it holds changes over minutes to days.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Kept> _kept = [];

    /// <summary>
    /// The read named <paramref name="key"/>, as of <paramref name="now"/> or up to <see cref="MaxAge"/> before it
    /// (twice that while a newer one is being computed in the background, so no reader waits for it when nothing was
    /// written). <paramref name="compute"/> gets a scope of its own (it outlives the request that started it and serves
    /// others) and the time to compute for.
    /// </summary>
    public async Task<T> GetAsync<T>(string key, DateTimeOffset now, Func<IServiceProvider, DateTimeOffset, Task<T>> compute, CancellationToken ct)
        where T : class
    {
        Task<object> result;
        lock (_gate)
        {
            var writes = WriteCounter.Instance.Count;
            if (!_kept.TryGetValue(key, out var kept))
            {
                _kept[key] = kept = new Kept();
            }

            if (kept.Running is { Result.IsCompletedSuccessfully: true } done)
            {
                (kept.Last, kept.Running) = (done, null);
            }

            var age = kept.Last is { } last && last.Writes == writes && now >= last.Started ? now - last.Started : (TimeSpan?)null;
            if (age < MaxAge)
            {
                result = kept.Last!.Result;
            }
            else
            {
                if (kept.Running is not { } running || running.Writes != writes || running.Result.IsFaulted || running.Result.IsCanceled || now < running.Started)
                {
                    kept.Running = new Computation(writes, now, RunAsync(compute, now));
                }

                result = age < 2 * MaxAge ? kept.Last!.Result : kept.Running.Result;
            }
        }

        // One reader giving up does not cancel the computation the others wait for.
        return (T)await result.WaitAsync(ct);
    }

    /// <summary>Forgets every read kept: for writes this process does not see (tests emptying the database).</summary>
    public void Forget()
    {
        lock (_gate)
        {
            _kept.Clear();
        }
    }

    private async Task<object> RunAsync<T>(Func<IServiceProvider, DateTimeOffset, Task<T>> compute, DateTimeOffset now)
        where T : class
    {
        // Shared by readers of every language: computed in none (the invariant culture, no reader's versions), so one
        // reader's language never reaches another; what a reader sees is put in their language after (ADR 0038).
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        TextVersions.UseForReader(FrozenDictionary<string, string>.Empty);
        await using var scope = scopes.CreateAsyncScope();
        return await compute(scope.ServiceProvider, now);
    }

    /// <summary>The last computation done, and the one under way.</summary>
    private sealed class Kept
    {
        public Computation? Last { get; set; }

        public Computation? Running { get; set; }
    }

    private sealed record Computation(long Writes, DateTimeOffset Started, Task<object> Result);
}
