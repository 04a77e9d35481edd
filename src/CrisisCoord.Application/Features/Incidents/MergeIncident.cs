using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Warnings;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Notifications;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Reports;
using CrisisCoord.Domain.Requests;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>
/// Closes a duplicate into the incident it duplicates (docs/reports.md): its reports, photos and reporters move
/// across, the organisations taking part in it take part in the other, and both timelines record the merge. A
/// duplicate with work still open (tasks, resource requests) is refused: that work is finished, cancelled or made
/// again on the incident kept, by people who know which it belongs to.
/// </summary>
[RecordedAs(typeof(Incident))]
[Performs(Act.MergeIncident)]
public sealed record MergeIncidentCommand : ICommand<IncidentDto>, IIncidentMessage
{
    /// <summary>The duplicate, which is closed.</summary>
    public Guid IncidentId { get; init; }

    /// <summary>The incident it duplicates, which is kept.</summary>
    public Guid? IntoIncidentId { get; init; }

    public string? Reason { get; init; }

    /// <summary>The version of the duplicate the sender saw (If-Match).</summary>
    public uint? Version { get; init; }
}

public sealed class MergeIncidentCommandValidator : AbstractValidator<MergeIncidentCommand>
{
    public MergeIncidentCommandValidator(AppDbContext db)
    {
        RuleFor(x => x.IntoIncidentId)
            .NotEmpty().WithMessage(_ => Texts.Get("Validation.Incidents.ChooseIncidentDuplicates"))
            .Must((command, into) => into != command.IncidentId).WithMessage(_ => Texts.Get("Validation.Incidents.CannotMergeIntoItself"))
            .MustAsync((into, ct) => db.Incidents.AnyAsync(i => i.Id == into, ct)).WithMessage(_ => Texts.Get("Validation.Incidents.ThereIncidentId"))
            .WithName(_ => Texts.Get("Validation.Name.IncidentItDuplicates"));
        RuleFor(x => x.Reason)
            .NotEmpty().WithMessage(_ => IncidentCommands.ReasonRequired)
            .MaximumLength(Incident.ReasonMaxLength)
            .PlainText();
    }
}

public sealed class MergeIncidentCommandHandler(
    AppDbContext db, AccessPolicy access, TimelineRecorder timeline, Notifier notifier, WarningIssuer warnings, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<MergeIncidentCommand, IncidentDto>
{
    public const string ParticipantNote = "Took part in a duplicate merged into this incident";

    private static readonly TaskState[] Unfinished = [TaskState.Open, TaskState.Assigned, TaskState.Accepted, TaskState.InProgress];

    public async ValueTask<IncidentDto> Handle(MergeIncidentCommand command, CancellationToken cancellationToken)
    {
        var into = command.IntoIncidentId!.Value;
        // The incident kept is changed too (reports, participants): the merger must be allowed the merge there as well.
        await access.EnsureAsync(Act.MergeIncident, SubjectKind.Incident, into, cancellationToken);
        var duplicate = await db.LoadForChangeAsync(command.IncidentId, command.Version, cancellationToken);
        var target = await db.Incidents.SingleAsync(i => i.Id == into, cancellationToken);

        var tasks = await db.Tasks.CountAsync(t => t.IncidentId == duplicate.Id && Unfinished.Contains(t.State), cancellationToken);
        var requests = await db.ResourceRequests.CountAsync(r => r.IncidentId == duplicate.Id && r.State == RequestState.Open, cancellationToken);
        if (tasks + requests > 0)
        {
            throw new DomainRuleException(new(
                "Rule.Incident.MergeOpenWork",
                "'{0}' still has open work ({1} unfinished tasks, {2} open resource requests). Finish or cancel it first, or make it again on '{3}'.",
                duplicate.Title,
                tasks,
                requests,
                target.Title));
        }

        var now = clock.GetUtcNow();
        duplicate.MergeInto(target, command.Reason!, now);
        foreach (var report in await db.IncidentReports.Where(r => r.IncidentId == duplicate.Id).ToListAsync(cancellationToken))
        {
            report.MoveTo(target.Id);
        }

        foreach (var photo in await db.ReportPhotos.Where(p => p.IncidentId == duplicate.Id).ToListAsync(cancellationToken))
        {
            photo.MoveTo(target.Id);
        }

        var admitted = new List<Guid>();
        var already = await db.IncidentParticipants.Where(p => p.IncidentId == target.Id).ToDictionaryAsync(p => p.OrganisationId, cancellationToken);
        foreach (var participant in await db.IncidentParticipants.AsNoTracking().Where(p => p.IncidentId == duplicate.Id).ToListAsync(cancellationToken))
        {
            already.TryGetValue(participant.OrganisationId, out var there);
            if (participant.Status == ParticipationStatus.Admitted && there?.Status != ParticipationStatus.Admitted)
            {
                await db.AdmitAsync(target.Id, participant.OrganisationId, ParticipantNote, user.UserId, now, cancellationToken);
                admitted.Add(participant.OrganisationId);
            }
            else if (participant.Status == ParticipationStatus.Requested && there is null)
            {
                db.IncidentParticipants.Add(IncidentParticipant.Request(target.Id, participant.OrganisationId, participant.Note, now));
            }
        }

        timeline.AlsoRecordOn(target.Id);
        await db.SaveChangesAsync(cancellationToken);
        await warnings.ExpireWithIncidentAsync(duplicate.Id, cancellationToken);
        await notifier.ReportOutcomeAsync(duplicate.Id, ReportOutcome.Merged, cancellationToken);
        foreach (var organisation in admitted)
        {
            await notifier.AdmittedToIncidentAsync(target.Id, organisation, target.Title, cancellationToken);
        }

        return IncidentDto.From(duplicate);
    }
}
