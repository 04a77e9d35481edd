using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Tasks;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Recovery;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Recovery;

/// <summary>
/// A coordinator makes a recovery task of an assessment in one click: the task says where and what was found; the
/// assessment names the task.
/// </summary>
[Performs(Act.TurnAssessmentIntoTask)]
[RecordedAs(typeof(DamageAssessment))]
public sealed record TurnAssessmentIntoTaskCommand : ICommand<AssessmentDto>, IIncidentMessage
{
    /// <summary>The incident (from the address).</summary>
    public Guid IncidentId { get; init; }

    /// <summary>The assessment (from the address).</summary>
    public Guid AssessmentId { get; init; }

    /// <summary>Low, Normal (default), High or Urgent.</summary>
    public TaskPriority? Priority { get; init; }

    /// <summary>A participating organisation to give the task to now.</summary>
    public Guid? AssignedOrganisationId { get; init; }
}

public sealed class TurnAssessmentIntoTaskCommandValidator : AbstractValidator<TurnAssessmentIntoTaskCommand>
{
    public TurnAssessmentIntoTaskCommandValidator(AppDbContext db)
    {
        RuleFor(x => x.Priority).Known().WithMessage(x => EnumText.NotValidMessage<TaskPriority>(x.Priority.ToString()));
        RuleFor(x => x.AssignedOrganisationId)
            .MustAsync((id, ct) => db.Organisations.AnyAsync(o => o.Id == id, ct))
            .When(x => x.AssignedOrganisationId is not null)
            .WithMessage(_ => Texts.Get("Validation.Charters.ThereSuchOrganisation"));
    }
}

public sealed class TurnAssessmentIntoTaskCommandHandler(AppDbContext db, ISender sender) : ICommandHandler<TurnAssessmentIntoTaskCommand, AssessmentDto>
{
    public async ValueTask<AssessmentDto> Handle(TurnAssessmentIntoTaskCommand command, CancellationToken cancellationToken)
    {
        var assessment = await db.DamageAssessments.SingleOrDefaultAsync(a => a.Id == command.AssessmentId && a.IncidentId == command.IncidentId, cancellationToken)
            ?? throw new NotFoundException("Assessment", command.AssessmentId);
        if (DamageAssessment.WhyNotHandOver(assessment.TaskId) is { } why)
        {
            throw new DomainRuleException(why);
        }

        // The one way tasks are made (CreateTask), with its own rule and checks, inside this command's transaction.
        var task = await sender.Send(
            new CreateTaskCommand
            {
                IncidentId = command.IncidentId,
                Title = TitleFor(assessment),
                Description = DescriptionFor(assessment),
                Phase = Phases.Recovery,
                Priority = command.Priority,
                AssignedOrganisationId = command.AssignedOrganisationId,
            },
            cancellationToken);
        assessment.HandOver(task.Id);
        await db.SaveChangesAsync(cancellationToken);
        return await AssessmentDto.LoadOneAsync(db, command.IncidentId, assessment.Id, cancellationToken);
    }

    /// <summary>"Recover" and the place, cut with an ellipsis where a long place name would overrun a task's title.</summary>
    /// <summary>Written in the language of the coordinator who makes the task, as a title they could have typed (as a check-in's is).</summary>
    public static string TitleFor(DamageAssessment assessment)
    {
        var title = Texts.Format("Recovery.ToTask.Title", assessment.PlaceName);
        return title.Length <= IncidentTask.TitleMaxLength ? title : title[..(IncidentTask.TitleMaxLength - 1)] + "…";
    }

    /// <summary>What the assessors found, for those the task is given to (a place name and counts: well within a description).</summary>
    public static string DescriptionFor(DamageAssessment assessment)
    {
        var c = assessment.Counts;
        var found = Texts.Format(
            "Recovery.ToTask.Description",
            assessment.PlaceName, c.BuildingsDestroyed, c.BuildingsSevere, c.BuildingsModerate, c.BuildingsMinor, c.PeopleDisplaced, c.PeopleInjured, c.PeopleMissing,
            Texts.Name(assessment.Power), Texts.Name(assessment.Water), Texts.Name(assessment.Roads), Texts.Name(assessment.Telecoms));
        return found + "\n" + Texts.Format("Recovery.ToTask.From", assessment.Id, $"/Incidents/{assessment.IncidentId}/Assessments#assessment-{assessment.Id}");
    }
}
