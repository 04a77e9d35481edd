using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Resources;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Resources;

/// <summary>An administrator adds a type to the catalogue, e.g. "Water purification unit", counted in units.</summary>
[RecordedAs(typeof(ResourceType))]
[Performs(Act.DefineResourceType)]
public sealed record DefineResourceTypeCommand : ICommand<ResourceTypeDto>
{
    public string? Code { get; init; }

    public string? Name { get; init; }

    public string? Unit { get; init; }
}

public sealed class DefineResourceTypeCommandValidator : AbstractValidator<DefineResourceTypeCommand>
{
    public DefineResourceTypeCommandValidator(AppDbContext db)
    {
        RuleFor(x => x.Code)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .MaximumLength(ResourceType.CodeMaxLength)
            .Matches("^[a-z0-9]+(-[a-z0-9]+)*$").WithMessage(_ => Texts.Get("Validation.Resources.CodeLowerCaseLetters"))
            .MustAsync(async (code, ct) => !await db.ResourceTypes.AnyAsync(t => t.Code == code, ct))
            .WithMessage(x => Texts.Format("Validation.Resources.ThereAlreadyResourceType", x.Code));
        RuleFor(x => x.Name)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .MaximumLength(ResourceType.NameMaxLength)
            .PlainText()
            .MustAsync(async (name, ct) => !await db.ResourceTypes.AnyAsync(t => t.Name.ToLower() == name!.Trim().ToLower(), ct))
            .WithMessage(x => Texts.Format("Validation.Resources.ThereAlreadyResourceType2", x.Name));
        RuleFor(x => x.Unit).NotEmpty().MaximumLength(ResourceType.UnitMaxLength).PlainText();
    }
}

public sealed class DefineResourceTypeCommandHandler(AppDbContext db, TimeProvider clock)
    : ICommandHandler<DefineResourceTypeCommand, ResourceTypeDto>
{
    public async ValueTask<ResourceTypeDto> Handle(DefineResourceTypeCommand command, CancellationToken cancellationToken)
    {
        var type = ResourceType.Define(command.Code!, command.Name!, command.Unit!, clock.GetUtcNow());
        db.ResourceTypes.Add(type);
        await db.SaveChangesAsync(cancellationToken);
        return new ResourceTypeDto(type.Id, type.Code, type.Name, type.Unit);
    }
}
