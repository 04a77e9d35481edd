using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Recovery;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Recovery;

/// <summary>The owner or a coordinator changes a project's title, budget or the objective it feeds, over the version they saw.</summary>
[Performs(Act.EditRecoveryProject)]
[RecordedAs(typeof(RecoveryProject))]
public sealed record EditRecoveryProjectCommand : RecoveryProjectFields, ICommand<RecoveryProjectDto>, IRecoveryProjectMessage
{
    /// <summary>The project (from the address).</summary>
    public Guid Id { get; init; }

    Guid IRecoveryProjectMessage.ProjectId => Id;

    /// <summary>The version edited (the ETag, sent as If-Match).</summary>
    public uint? Version { get; init; }
}

public sealed class EditRecoveryProjectCommandValidator : AbstractValidator<EditRecoveryProjectCommand>
{
    public EditRecoveryProjectCommandValidator(AppDbContext db)
    {
        RuleFor(x => x.Version).NotNull().WithMessage(_ => Texts.Get("Validation.Recovery.SayWhichVersionEdited"));
        this.AddProjectFieldRules();
        RuleFor(x => x.ObjectiveId)
            .MustAsync(async (x, id, ct) =>
                await db.RecoveryProjects.Where(p => p.Id == x.Id).Select(p => (Guid?)p.IncidentId).SingleOrDefaultAsync(ct) is { } incident
                && await RecoveryProjectFieldRules.IsRecoveryObjectiveAsync(db, incident, id!.Value, ct))
            .When(x => x.ObjectiveId is not null)
            .WithMessage(_ => RecoveryProjectFieldRules.NotARecoveryObjective);
    }
}

public sealed class EditRecoveryProjectCommandHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<EditRecoveryProjectCommand, RecoveryProjectDto>
{
    public async ValueTask<RecoveryProjectDto> Handle(EditRecoveryProjectCommand command, CancellationToken cancellationToken)
    {
        var project = await db.LoadProjectForChangeAsync(command.Id, command.Version, cancellationToken);
        project.Edit(command.Title!, command.ToBudget(), command.ObjectiveId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await RecoveryProjectDto.LoadOneAsync(db, project.Id, cancellationToken);
    }
}
