using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Resources;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Resources;

/// <summary>A resource manager registers what their organisation holds and can offer.</summary>
[RecordedAs(typeof(Resource))]
[Performs(Act.RegisterOwnResources)]
public sealed record RegisterResourceCommand : ResourceFields, ICommand<ResourceDto>
{
    /// <summary>Resource type code, e.g. "drinking-water".</summary>
    public string? Type { get; init; }
}

public sealed class RegisterResourceCommandValidator : AbstractValidator<RegisterResourceCommand>
{
    public RegisterResourceCommandValidator(AppDbContext db)
    {
        RuleFor(x => x.Type)
            .NotEmpty().WithMessage(_ => Texts.Get("Validation.Resources.ChooseTypeResource"))
            .MustAsync(async (code, ct) => code is null || await db.ResourceTypes.AnyAsync(t => t.Code == code.Trim().ToLower(), ct))
            .WithMessage(x => Texts.Format("Validation.Resources.ResourceTypeGETApi", x.Type));
        this.AddResourceFieldRules();
    }
}

public sealed class RegisterResourceCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RegisterResourceCommand, ResourceDto>
{
    public async ValueTask<ResourceDto> Handle(RegisterResourceCommand command, CancellationToken cancellationToken)
    {
        var code = command.Type!.Trim().ToLowerInvariant();
        var typeId = await db.ResourceTypes.Where(t => t.Code == code).Select(t => t.Id).SingleAsync(cancellationToken);
        var resource = Resource.Register(user.OrganisationId!.Value, typeId, command.ToDetails(), clock.GetUtcNow());
        db.Resources.Add(resource);
        await db.SaveChangesAsync(cancellationToken);
        return (await db.Rows().AsNoTracking().SingleAsync(x => x.Resource.Id == resource.Id, cancellationToken)).ToDto();
    }
}
