using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Common;

namespace CrisisCoord.Domain.Obligations;

/// <summary>
/// Something an organisation owes now, computed from the data: what (<see cref="Subject"/>), since when,
/// and by when. Past <see cref="DueAt"/> it is a breach.
/// </summary>
/// <param name="Obligation">Which charter obligation.</param>
/// <param name="OrganisationId">The organisation that owes it.</param>
/// <param name="IncidentId">The incident it arises in; none for inventory.</param>
/// <param name="SubjectId">The task, incident or resource the obligation is about.</param>
/// <param name="Subject">What is owed, in words: said in the reader's language where it is shown; its English is what a breach records.</param>
/// <param name="Since">When the obligation began: the assignment, the last report, the last confirmation, the phase start.</param>
/// <param name="DueAt">When it must be met; past this it is a breach.</param>
public sealed record OpenObligation(
    Obligation Obligation,
    Guid OrganisationId,
    Guid? IncidentId,
    Guid SubjectId,
    Phrase Subject,
    DateTimeOffset Since,
    DateTimeOffset DueAt)
{
    public bool IsBreachedAt(DateTimeOffset now) => now > DueAt;

    public TimeSpan OverdueAt(DateTimeOffset now) => now > DueAt ? now - DueAt : TimeSpan.Zero;

    /// <summary>
    /// Names one lapse: the same unmet obligation keeps its key while nothing changes, so it is recorded once;
    /// a new lapse (the task reassigned, the next report missed) starts at a new <see cref="Since"/> and is a new breach.
    /// </summary>
    public string BreachKey => $"{Obligation}:{OrganisationId:N}:{SubjectId:N}:{Since.UtcTicks}";
}
