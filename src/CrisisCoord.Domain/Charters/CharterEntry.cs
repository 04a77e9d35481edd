using CrisisCoord.Domain.Organisations;

namespace CrisisCoord.Domain.Charters;

/// <summary>
/// A change to the charter an administrator has made: either to the default for a kind of organisation
/// (<see cref="OrganisationId"/> null) or an override for one organisation. Where no entry exists the
/// code's <see cref="DefaultCharter"/> applies, so the stored charter holds only decisions people made.
/// Exactly one of <see cref="Right"/> and <see cref="Obligation"/> is set.
/// </summary>
public sealed class CharterEntry
{
    public const int LegalBasisMaxLength = 500;

    private CharterEntry()
    {
    }

    public Guid Id { get; private set; }

    public OrganisationKind Kind { get; private set; }

    public Guid? OrganisationId { get; private set; }

    public Right? Right { get; private set; }

    public Obligation? Obligation { get; private set; }

    public Phases Phases { get; private set; }

    /// <summary>The law, regulation or agreement this entry rests on, e.g. "Emergency Response Law, art. 11".</summary>
    public string LegalBasis { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public Guid UpdatedBy { get; private set; }

    public uint Version { get; private set; }

    public static CharterEntry For(
        OrganisationKind kind, Guid? organisationId, CharterItem item, Phases phases, string legalBasis, Guid by, DateTimeOffset now)
    {
        var entry = new CharterEntry
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            OrganisationId = organisationId,
            Right = item.Right,
            Obligation = item.Obligation,
        };
        entry.Change(phases, legalBasis, by, now);
        return entry;
    }

    public void Change(Phases phases, string legalBasis, Guid by, DateTimeOffset now)
    {
        Phases = phases & Phases.All;
        LegalBasis = legalBasis.Trim();
        UpdatedBy = by;
        UpdatedAt = now.ToUniversalTime();
    }
}

/// <summary>A right or an obligation: what a charter entry is about.</summary>
public readonly record struct CharterItem(Right? Right, Obligation? Obligation)
{
    public static CharterItem Of(Right right) => new(right, null);

    public static CharterItem Of(Obligation obligation) => new(null, obligation);

    public string Name => Right?.ToString() ?? Obligation!.Value.ToString();

    /// <summary>"Right.X" or "Obligation.X": unambiguous where a name is both (SubmitSitRep).</summary>
    public string Key => $"{(IsRight ? "Right" : "Obligation")}.{Name}";

    public bool IsRight => Right.HasValue;

    /// <summary>
    /// Which stored entry decides this item for an organisation of <paramref name="kind"/>, given the entries
    /// of that kind and of that organisation: its own override, else the administrators' kind default; null
    /// means nothing was changed and <see cref="DefaultFor"/> applies.
    /// </summary>
    public CharterEntry? DecidingEntry(OrganisationKind kind, IEnumerable<CharterEntry> entries)
    {
        var (right, obligation) = (Right, Obligation);
        return entries
            .Where(e => e.Kind == kind && e.Right == right && e.Obligation == obligation)
            .OrderBy(e => e.OrganisationId is null)
            .FirstOrDefault();
    }

    public Phases EffectivePhases(OrganisationKind kind, IEnumerable<CharterEntry> entries) =>
        DecidingEntry(kind, entries)?.Phases ?? DefaultFor(kind);

    public Phases DefaultFor(OrganisationKind kind) =>
        Right is { } right ? DefaultCharter.For(kind, right) : DefaultCharter.For(kind, Obligation!.Value);

    public override string ToString() => Name;
}
