using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Recovery;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Recovery;

/// <summary>The owner or a coordinator adds a milestone to a project; it counts towards the project's progress at once.</summary>
[Performs(Act.EditRecoveryProject)]
[RecordedAs(typeof(Milestone))]
public sealed record AddMilestoneCommand : ICommand<RecoveryProjectDto>, IRecoveryProjectMessage
{
    /// <summary>The project (from the address).</summary>
    public Guid ProjectId { get; init; }

    public string? Title { get; init; }

    /// <summary>yyyy-MM-dd.</summary>
    public DateOnly? DueOn { get; init; }
}

public sealed class AddMilestoneCommandValidator : AbstractValidator<AddMilestoneCommand>
{
    public AddMilestoneCommandValidator()
    {
        RuleFor(x => x.Title).MilestoneTitle();
        RuleFor(x => x.DueOn).MilestoneDue();
    }
}

public sealed class AddMilestoneCommandHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<AddMilestoneCommand, RecoveryProjectDto>
{
    public async ValueTask<RecoveryProjectDto> Handle(AddMilestoneCommand command, CancellationToken cancellationToken)
    {
        var project = await db.LoadProjectForChangeAsync(command.ProjectId, null, cancellationToken);
        project.AddMilestone(command.Title!, command.DueOn!.Value, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await RecoveryProjectDto.LoadOneAsync(db, project.Id, cancellationToken);
    }
}
