using CrisisCoord.Domain.Organisations;

namespace CrisisCoord.Domain.Charters;

/// <summary>One recorded change to a charter: who changed which right or obligation, when, from what to what.</summary>
public sealed class CharterChange
{
    private CharterChange()
    {
    }

    public Guid Id { get; private set; }

    public OrganisationKind Kind { get; private set; }

    public Guid? OrganisationId { get; private set; }

    /// <summary>The item's <see cref="CharterItem.Key"/>, e.g. "Right.ReportIncident".</summary>
    public string Item { get; private set; } = "";

    public Phases FromPhases { get; private set; }

    public Phases ToPhases { get; private set; }

    public string FromLegalBasis { get; private set; } = "";

    public string ToLegalBasis { get; private set; } = "";

    public Guid ChangedBy { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public static CharterChange Record(
        OrganisationKind kind,
        Guid? organisationId,
        CharterItem item,
        (Phases Phases, string LegalBasis) from,
        (Phases Phases, string LegalBasis) to,
        Guid by,
        DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            OrganisationId = organisationId,
            Item = item.Key,
            FromPhases = from.Phases,
            ToPhases = to.Phases,
            FromLegalBasis = from.LegalBasis,
            ToLegalBasis = to.LegalBasis.Trim(),
            ChangedBy = by,
            ChangedAt = now.ToUniversalTime(),
        };
}
