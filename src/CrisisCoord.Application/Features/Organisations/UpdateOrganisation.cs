using System.Text.Json.Serialization;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Organisations;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Organisations;

/// <summary>
/// An administrator changes an organisation's record (not its kind). The write names the
/// <see cref="Version"/> it was based on; if someone changed the record since, it is refused, never lost.
/// </summary>
[RecordedAs(typeof(Organisation))]
[Performs(Act.EditOrganisation)]
public sealed record UpdateOrganisationCommand : OrganisationFields, ICommand<OrganisationDto>, IOrganisationMessage
{
    /// <summary>From the address (route), not the body.</summary>
    [JsonIgnore]
    public Guid Id { get; init; }

    Guid IOrganisationMessage.OrganisationId => Id;

    /// <summary>The row version the change is based on (the API takes it from If-Match).</summary>
    public uint? Version { get; init; }

    public override Guid? ExistingId => Id;

    /// <summary>The centre of the area it serves (decimal degrees, WGS84); the three service-area fields go together or not at all.</summary>
    public double? ServiceAreaLatitude { get; init; }

    public double? ServiceAreaLongitude { get; init; }

    /// <summary>The radius of the area it serves, in kilometres.</summary>
    public double? ServiceAreaRadiusKm { get; init; }
}

public sealed class UpdateOrganisationCommandValidator : AbstractValidator<UpdateOrganisationCommand>
{
    public UpdateOrganisationCommandValidator(AppDbContext db)
    {
        RuleFor(x => x.Version).NotNull().WithMessage(_ => Texts.Get("Validation.Organisations.VersionEditedMissingReload"));
        Include(new OrganisationDetailsValidator(db));
        var anyArea = (UpdateOrganisationCommand x) => x.ServiceAreaLatitude is not null || x.ServiceAreaLongitude is not null || x.ServiceAreaRadiusKm is not null;
        RuleFor(x => x.ServiceAreaLatitude)
            .NotNull().When(anyArea, ApplyConditionTo.CurrentValidator).WithMessage(_ => Texts.Get("Validation.Organisations.GiveServiceAreaS"))
            .Must(l => GeoPoint.IsValidLatitude(l!.Value)).When(x => x.ServiceAreaLatitude is not null, ApplyConditionTo.CurrentValidator).WithMessage(_ => Texts.Get("Validation.Organisations.LatitudeBetween9090"));
        RuleFor(x => x.ServiceAreaLongitude)
            .NotNull().When(anyArea, ApplyConditionTo.CurrentValidator).WithMessage(_ => Texts.Get("Validation.Organisations.GiveServiceAreaS2"))
            .Must(l => GeoPoint.IsValidLongitude(l!.Value)).When(x => x.ServiceAreaLongitude is not null, ApplyConditionTo.CurrentValidator).WithMessage(_ => Texts.Get("Validation.Organisations.LongitudeBetween180180"));
        RuleFor(x => x.ServiceAreaRadiusKm)
            .NotNull().When(anyArea, ApplyConditionTo.CurrentValidator).WithMessage(_ => Texts.Get("Validation.Organisations.GiveServiceAreaS3"))
            .Must(r => ServiceArea.IsValidRadius(r!.Value)).When(x => x.ServiceAreaRadiusKm is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage(_ => Texts.Format("Validation.Organisations.RadiusBetweenKm", ServiceArea.MinRadiusKm, ServiceArea.MaxRadiusKm));
    }
}

public sealed class UpdateOrganisationCommandHandler(AppDbContext db) : ICommandHandler<UpdateOrganisationCommand, OrganisationDto>
{
    public async ValueTask<OrganisationDto> Handle(UpdateOrganisationCommand command, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Organisation", command.Id);

        // Compare against the version the editor saw, not the one just read: EF's concurrency check then refuses a stale write.
        db.Entry(organisation).Property(o => o.Version).OriginalValue = command.Version!.Value;
        organisation.Update(
            command.Name!,
            command.Level!.Value,
            command.AreaName!,
            OrganisationDetails.ContactFrom(command),
            OrganisationDetails.ProfileFrom(command, organisation.Kind));
        organisation.SetServiceArea(command.ServiceAreaLatitude is { } latitude
            ? ServiceArea.Of(latitude, command.ServiceAreaLongitude!.Value, command.ServiceAreaRadiusKm!.Value)
            : null);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (OrganisationDetails.IsDuplicateName(ex))
        {
            throw new ValidationException([new ValidationFailure(nameof(command.Name), OrganisationDetails.TakenMessage(command.Name!))]);
        }

        return OrganisationDto.From(organisation);
    }
}
