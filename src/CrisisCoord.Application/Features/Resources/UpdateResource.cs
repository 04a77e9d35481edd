using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Resources;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Resources;

/// <summary>
/// The holder changes a resource's quantity, place, availability or notes. <see cref="Version"/> is the
/// version the editor saw; if someone changed the resource since, the write is refused, never lost.
/// </summary>
[RecordedAs(typeof(Resource))]
[Performs(Act.EditResource)]
public sealed record UpdateResourceCommand : ResourceFields, ICommand<ResourceDto>, IResourceMessage
{
    public Guid Id { get; init; }

    Guid IResourceMessage.ResourceId => Id;

    public uint? Version { get; init; }
}

public sealed class UpdateResourceCommandValidator : AbstractValidator<UpdateResourceCommand>
{
    public UpdateResourceCommandValidator()
    {
        RuleFor(x => x.Version).NotNull().WithMessage(_ => Texts.Get("Validation.Recovery.SayWhichVersionEdited"));
        this.AddResourceFieldRules();
    }
}

public sealed class UpdateResourceCommandHandler(AppDbContext db, TimeProvider clock)
    : ICommandHandler<UpdateResourceCommand, ResourceDto>
{
    public async ValueTask<ResourceDto> Handle(UpdateResourceCommand command, CancellationToken cancellationToken)
    {
        var resource = await db.LoadForHolderAsync(command.Id, cancellationToken);

        // Compare against the version the editor saw, not the one just loaded.
        db.Entry(resource).Property(r => r.Version).OriginalValue = command.Version!.Value;
        resource.Update(command.ToDetails(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return (await db.Rows().AsNoTracking().SingleAsync(x => x.Resource.Id == resource.Id, cancellationToken)).ToDto();
    }
}
