using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Organisations;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Organisations;

/// <summary>
/// An administrator registers an organisation. Its kind is fixed from now on: it decides the default
/// charter and profile. Profile fields left blank take the kind's defaults.
/// </summary>
[RecordedAs(typeof(Organisation))]
[Performs(Act.RegisterOrganisation)]
public sealed record RegisterOrganisationCommand : OrganisationFields, ICommand<OrganisationDto>
{
    public OrganisationKind? Kind { get; init; }

    public override Guid? ExistingId => null;
}

public sealed class RegisterOrganisationCommandValidator : AbstractValidator<RegisterOrganisationCommand>
{
    public RegisterOrganisationCommandValidator(AppDbContext db)
    {
        RuleFor(x => x.Kind)
            .NotNull().WithMessage(_ => Texts.Format("Validation.Organisations.ChooseKindOrganisation", EnumText.Allowed<OrganisationKind>()))
            .Known();
        Include(new OrganisationDetailsValidator(db));
    }
}

public sealed class RegisterOrganisationCommandHandler(AppDbContext db, TimeProvider clock)
    : ICommandHandler<RegisterOrganisationCommand, OrganisationDto>
{
    public async ValueTask<OrganisationDto> Handle(RegisterOrganisationCommand command, CancellationToken cancellationToken)
    {
        var kind = command.Kind!.Value;
        var organisation = Organisation.Register(
            command.Name!,
            kind,
            command.Level!.Value,
            command.AreaName!,
            OrganisationDetails.ContactFrom(command),
            OrganisationDetails.ProfileFrom(command, kind),
            clock.GetUtcNow());
        db.Organisations.Add(organisation);
        try
        {
            // Saved here so the response (and its ETag) carries the stored version.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (OrganisationDetails.IsDuplicateName(ex))
        {
            throw new ValidationException([new ValidationFailure(nameof(command.Name), OrganisationDetails.TakenMessage(command.Name!))]);
        }

        return OrganisationDto.From(organisation);
    }
}
