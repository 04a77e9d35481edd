using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Recovery;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Recovery;

/// <summary>
/// A coordinator starts a recovery project on an incident in recovery and gives it to an organisation taking part, of
/// any kind, whose charter lets it own recovery projects; with a budget, milestones, and the objective it feeds.
/// </summary>
[Performs(Act.StartRecoveryProject)]
[RecordedAs(typeof(RecoveryProject))]
public sealed record StartRecoveryProjectCommand : RecoveryProjectFields, ICommand<RecoveryProjectDto>, IIncidentMessage
{
    /// <summary>The incident (from the address).</summary>
    public Guid IncidentId { get; init; }

    /// <summary>The organisation that will own the work.</summary>
    public Guid? OwnerOrganisationId { get; init; }

    public IReadOnlyList<MilestoneInput>? Milestones { get; init; }
}

public sealed class StartRecoveryProjectCommandValidator : AbstractValidator<StartRecoveryProjectCommand>
{
    public StartRecoveryProjectCommandValidator(AppDbContext db)
    {
        this.AddProjectFieldRules();
        RuleFor(x => x.OwnerOrganisationId)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Recovery.SayWhichOrganisationOwns"))
            .MustAsync((x, id, ct) => MayOwnAsync(db, x.IncidentId, id!.Value, ct)).When(x => x.OwnerOrganisationId is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage(_ => Texts.Get("Validation.Recovery.OrganisationCannotOwnProject"));
        RuleFor(x => x.ObjectiveId)
            .MustAsync((x, id, ct) => RecoveryProjectFieldRules.IsRecoveryObjectiveAsync(db, x.IncidentId, id!.Value, ct))
            .When(x => x.ObjectiveId is not null)
            .WithMessage(_ => RecoveryProjectFieldRules.NotARecoveryObjective);
        RuleFor(x => x.Milestones)
            .Must(m => m!.Count(i => i is not null && !i.IsBlank) <= RecoveryProject.MaxMilestones)
            .WithMessage(_ => Texts.Format("Validation.Recovery.ListMostMilestones", RecoveryProject.MaxMilestones))
            .When(x => x.Milestones is not null);
        RuleForEach(x => x.Milestones).Where(i => i is not null && !i.IsBlank).ChildRules(m =>
        {
            m.RuleFor(i => i.Title).MilestoneTitle();
            m.RuleFor(i => i.DueOn).MilestoneDue();
        });
    }

    /// <summary>Organisations taking part in the incident (or leading it) whose charter grants OwnRecoveryProjects in recovery.</summary>
    public static async Task<IReadOnlyList<ProjectOwnerOption>> OwnersAsync(AppDbContext db, Guid incidentId, CancellationToken ct, Guid? only = null)
    {
        var candidates = await db.Organisations.AsNoTracking()
            .Where(o => (only == null || o.Id == only)
                && (db.IncidentParticipants.Any(p => p.IncidentId == incidentId && p.OrganisationId == o.Id && p.Status == ParticipationStatus.Admitted)
                    || db.Incidents.Any(i => i.Id == incidentId && i.LeadOrganisationId == o.Id)))
            .OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.Kind })
            .ToListAsync(ct);
        var kinds = candidates.Select(c => c.Kind).Distinct().ToList();
        var ids = candidates.Select(c => (Guid?)c.Id).ToList();
        var entries = await db.CharterEntries.AsNoTracking()
            .Where(e => e.Right == Right.OwnRecoveryProjects && kinds.Contains(e.Kind) && (e.OrganisationId == null || ids.Contains(e.OrganisationId)))
            .ToListAsync(ct);
        var item = CharterItem.Of(Right.OwnRecoveryProjects);
        return [.. candidates
            .Where(c => item.EffectivePhases(c.Kind, entries.Where(e => e.Kind == c.Kind && (e.OrganisationId == null || e.OrganisationId == c.Id))).HasFlag(Phases.Recovery))
            .Select(c => new ProjectOwnerOption(c.Id, c.Name))];
    }

    private static async Task<bool> MayOwnAsync(AppDbContext db, Guid incidentId, Guid organisationId, CancellationToken ct) =>
        (await OwnersAsync(db, incidentId, ct, organisationId)).Count == 1;
}

public sealed class StartRecoveryProjectCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<StartRecoveryProjectCommand, RecoveryProjectDto>
{
    public async ValueTask<RecoveryProjectDto> Handle(StartRecoveryProjectCommand command, CancellationToken cancellationToken)
    {
        await db.OpenIncidentStateAsync(command.IncidentId, cancellationToken);
        var project = RecoveryProject.Start(
            command.IncidentId,
            command.OwnerOrganisationId!.Value,
            command.Title!,
            command.ToBudget(),
            command.ObjectiveId,
            [.. (command.Milestones ?? []).Where(m => m is not null && !m.IsBlank).Select(m => (m.Title!, m.DueOn!.Value))],
            user.UserId,
            clock.GetUtcNow());
        db.RecoveryProjects.Add(project);
        await db.SaveChangesAsync(cancellationToken);
        return await RecoveryProjectDto.LoadOneAsync(db, project.Id, cancellationToken);
    }
}
