using System.Collections.Concurrent;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Organisations;

namespace CrisisCoord.Application.Security;

/// <summary>
/// What every signed-in request re-reads — its organisation's kind, level and effective charter — kept in memory,
/// because it changes a few times in a crisis and is read thousands of times a minute. Correct across instances:
/// the database notifies every change of a charter entry or an organisation (a statement trigger, so psql and tests
/// count too), the web host's listener drops the cache on each notification, and while it is not
/// listening (starting, connection lost) nothing is kept, so every request reads the database as before.
/// A command of this instance that changes them drops the cache at its commit, before it answers.
/// </summary>
public sealed class CharterCache
{
    /// <summary>The channel the database's trigger notifies (migration ReferenceChangeNotifications).</summary>
    public const string Channel = "crisiscoord_reference";

    private readonly ConcurrentDictionary<Guid, Standing> _standings = new();
    private readonly Lock _gate = new();
    private long _version;
    private bool _listening;

    /// <summary>How many times what was kept has been forgotten; it moves on every change heard.</summary>
    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    /// <summary>Whether changes are being heard, and so whether anything is kept.</summary>
    public bool IsListening
    {
        get
        {
            lock (_gate)
            {
                return _listening;
            }
        }
    }

    /// <summary>An organisation as the rules see it; a private citizen's has no organisation.</summary>
    public sealed record Standing(Guid? OrganisationId, OrganisationKind Kind, AdministrativeLevel? Level, IReadOnlyDictionary<Right, Phases> Charter);

    /// <summary>The standing kept for <paramref name="key"/>, or loaded now (and kept, unless a change came meanwhile).</summary>
    public async Task<Standing?> GetAsync(Guid key, Func<CancellationToken, Task<Standing?>> load, CancellationToken ct)
    {
        if (_standings.TryGetValue(key, out var kept))
        {
            return kept;
        }

        long version;
        lock (_gate)
        {
            version = _version;
        }

        var loaded = await load(ct);
        lock (_gate)
        {
            // A change committed while we read: what we read may predate it, so it is not kept.
            if (loaded is not null && _listening && _version == version)
            {
                _standings[key] = loaded;
            }
        }

        return loaded;
    }

    /// <summary>Forgets everything kept: a charter entry or an organisation changed.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _version++;
            _standings.Clear();
        }
    }

    /// <summary>Keeping is allowed only while changes are heard; either way, what was kept is forgotten.</summary>
    public void Listening(bool listening)
    {
        lock (_gate)
        {
            _listening = listening;
            _version++;
            _standings.Clear();
        }
    }
}
