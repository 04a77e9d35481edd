using CrisisCoord.Domain.Charters;

namespace CrisisCoord.Domain.Obligations;

/// <summary>
/// A breach as it was recorded, once, on the timeline: the incident's chain when it belongs to an
/// incident, else the registry's. The row is append-only; the breach's current state (still overdue or met
/// since) is computed from the data, not kept here.
/// </summary>
public sealed class ObligationBreach
{
    public const int KeyMaxLength = 200;
    public const int SubjectMaxLength = 300;

    private ObligationBreach()
    {
    }

    public Guid Id { get; private set; }

    /// <summary><see cref="OpenObligation.BreachKey"/>: unique, so a breach is recorded once however often it is seen.</summary>
    public string Key { get; private set; } = "";

    public Obligation Obligation { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid? IncidentId { get; private set; }

    public Guid SubjectId { get; private set; }

    /// <summary>What was owed, in English (<see cref="OpenObligation.Subject"/>'s): the record is written once, for every reader alike.</summary>
    public string Subject { get; private set; } = "";

    public DateTimeOffset Since { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public DateTimeOffset DetectedAt { get; private set; }

    public static ObligationBreach Of(OpenObligation obligation, DateTimeOffset now)
    {
        if (!obligation.IsBreachedAt(now))
        {
            throw new InvalidOperationException($"{obligation.Obligation} is due at {obligation.DueAt:O}; it is not breached at {now:O}.");
        }

        return new ObligationBreach
        {
            Id = Guid.CreateVersion7(now),
            Key = obligation.BreachKey,
            Obligation = obligation.Obligation,
            OrganisationId = obligation.OrganisationId,
            IncidentId = obligation.IncidentId,
            SubjectId = obligation.SubjectId,
            Subject = obligation.Subject.ToString() is var subject && subject.Length > SubjectMaxLength ? subject[..SubjectMaxLength] : subject,
            Since = obligation.Since,
            DueAt = obligation.DueAt,
            DetectedAt = now,
        };
    }
}
