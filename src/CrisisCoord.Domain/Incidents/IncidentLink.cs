using CrisisCoord.Domain.Common;

namespace CrisisCoord.Domain.Incidents;

/// <summary>How one incident bears on another (read "incident … related incident").</summary>
public enum IncidentRelation
{
    /// <summary>The incident caused the related one: the paper's collateral (secondary) events, e.g. an earthquake and the leak it caused.</summary>
    Caused,

    /// <summary>The two bear on each other in some other way (the same place, the same people); read the same both ways.</summary>
    RelatedTo,
}

/// <summary>
/// A link between two distinct incidents, shown on both of their pages. One link per pair, whichever way round it
/// was made.
/// </summary>
public sealed class IncidentLink
{
    public const int NoteMaxLength = 500;

    private IncidentLink()
    {
    }

    public Guid Id { get; private set; }

    public Guid IncidentId { get; private set; }

    public Guid RelatedIncidentId { get; private set; }

    public IncidentRelation Relation { get; private set; }

    /// <summary>Why they are linked, as the coordinator said it.</summary>
    public string Note { get; private set; } = "";

    public Guid? LinkedByUserId { get; private set; }

    public DateTimeOffset LinkedAt { get; private set; }

    public static IncidentLink Between(Guid incidentId, Guid relatedIncidentId, IncidentRelation relation, string note, Guid? by, DateTimeOffset now)
    {
        if (incidentId == relatedIncidentId)
        {
            throw new DomainRuleException(new("Rule.Link.Itself", CannotLinkToItself));
        }

        return new IncidentLink
        {
            Id = Guid.CreateVersion7(now),
            IncidentId = incidentId,
            RelatedIncidentId = relatedIncidentId,
            Relation = relation,
            Note = note.Trim(),
            LinkedByUserId = by,
            LinkedAt = Microseconds.Truncate(now),
        };
    }

    public const string CannotLinkToItself = "An incident cannot be linked to itself; choose the other incident.";

    /// <summary>How the link reads from one of its two incidents: "Caused", "Caused by", "Related to".</summary>
    public static string Reads(IncidentRelation relation, bool fromThisSide) => (relation, fromThisSide) switch
    {
        (IncidentRelation.Caused, true) => "Caused",
        (IncidentRelation.Caused, false) => "Caused by",
        _ => "Related to",
    };
}
