using CrisisCoord.Domain.Common;

namespace CrisisCoord.Domain.Incidents;

public enum ParticipationStatus
{
    /// <summary>The organisation asked to join; a coordinator has not admitted it yet.</summary>
    Requested,

    /// <summary>The organisation takes part: it sees the incident's detail and can be given work.</summary>
    Admitted,
}

/// <summary>An organisation taking part in an incident, or asking to.</summary>
public sealed class IncidentParticipant
{
    public const int NoteMaxLength = 500;

    private IncidentParticipant()
    {
    }

    public Guid Id { get; private set; }

    public Guid IncidentId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public ParticipationStatus Status { get; private set; }

    /// <summary>Why the organisation asked to join, or why it was brought in.</summary>
    public string Note { get; private set; } = "";

    public DateTimeOffset? RequestedAt { get; private set; }

    public DateTimeOffset? AdmittedAt { get; private set; }

    public Guid? AdmittedByUserId { get; private set; }

    public static IncidentParticipant Request(Guid incidentId, Guid organisationId, string note, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        IncidentId = incidentId,
        OrganisationId = organisationId,
        Status = ParticipationStatus.Requested,
        Note = note.Trim(),
        RequestedAt = now,
    };

    public static IncidentParticipant Admit(Guid incidentId, Guid organisationId, string note, Guid? by, DateTimeOffset now)
    {
        var participant = Request(incidentId, organisationId, note, now);
        participant.RequestedAt = null;
        participant.Approve(by, now);
        return participant;
    }

    /// <summary>Admits an organisation that asked to join.</summary>
    public void Approve(Guid? by, DateTimeOffset now)
    {
        if (Status == ParticipationStatus.Admitted)
        {
            throw new DomainRuleException(new("Rule.Participant.Already", "This organisation already takes part in the incident."));
        }

        Status = ParticipationStatus.Admitted;
        AdmittedAt = now;
        AdmittedByUserId = by;
    }
}
