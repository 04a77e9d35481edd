using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Recovery;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Recovery;

/// <summary>The owner marks a milestone of its project done (or not done after all); the project's progress follows.</summary>
[Performs(Act.MarkMilestone)]
[RecordedAs(typeof(Milestone))]
public sealed record MarkMilestoneCommand : ICommand<RecoveryProjectDto>, IRecoveryProjectMessage
{
    /// <summary>The project (from the address).</summary>
    public Guid ProjectId { get; init; }

    /// <summary>The milestone (from the address).</summary>
    public Guid MilestoneId { get; init; }

    public bool? Done { get; init; }
}

public sealed class MarkMilestoneCommandValidator : AbstractValidator<MarkMilestoneCommand>
{
    public MarkMilestoneCommandValidator() =>
        RuleFor(x => x.Done).NotNull().WithMessage(_ => Texts.Get("Validation.Recovery.SayWhetherMilestoneDone"));
}

public sealed class MarkMilestoneCommandHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<MarkMilestoneCommand, RecoveryProjectDto>
{
    public async ValueTask<RecoveryProjectDto> Handle(MarkMilestoneCommand command, CancellationToken cancellationToken)
    {
        var project = await db.LoadProjectForChangeAsync(command.ProjectId, null, cancellationToken);
        if (project.Milestones.All(m => m.Id != command.MilestoneId))
        {
            throw new NotFoundException("Milestone", command.MilestoneId);
        }

        project.MarkMilestone(command.MilestoneId, command.Done!.Value, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await RecoveryProjectDto.LoadOneAsync(db, project.Id, cancellationToken);
    }
}
