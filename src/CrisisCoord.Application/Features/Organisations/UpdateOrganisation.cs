using System.Text.Json.Serialization;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
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
}

public sealed class UpdateOrganisationCommandValidator : AbstractValidator<UpdateOrganisationCommand>
{
    public UpdateOrganisationCommandValidator(AppDbContext db)
    {
        RuleFor(x => x.Version).NotNull().WithMessage("The version you edited is missing. Reload the organisation and edit it again.");
        Include(new OrganisationDetailsValidator(db));
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

/// <summary>The edit form, filled with the organisation as it is now (and the version to send back).</summary>
[Performs(Act.EditOrganisation)]
public sealed record GetOrganisationForUpdateQuery(Guid Id) : IQuery<OrganisationUpdateForm>, IOrganisationMessage
{
    Guid IOrganisationMessage.OrganisationId => Id;
}

public sealed record OrganisationUpdateForm(OrganisationKind Kind, UpdateOrganisationCommand Input);

public sealed class GetOrganisationForUpdateQueryHandler(AppDbContext db) : IQueryHandler<GetOrganisationForUpdateQuery, OrganisationUpdateForm>
{
    public async ValueTask<OrganisationUpdateForm> Handle(GetOrganisationForUpdateQuery query, CancellationToken cancellationToken)
    {
        var o = await db.Organisations.AsNoTracking()
            .Where(x => x.Id == query.Id)
            .Select(OrganisationDto.Projection)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Organisation", query.Id);
        return new OrganisationUpdateForm(o.Kind, new UpdateOrganisationCommand
        {
            Id = o.Id,
            Version = o.Version,
            Name = o.Name,
            Level = o.Level,
            AreaName = o.AreaName,
            ContactName = o.ContactName,
            ContactPhone = o.ContactPhone,
            ContactEmail = o.ContactEmail,
            Purpose = o.Profile.Purpose,
            Neutrality = o.Profile.Neutrality,
            ResourceMobilisation = o.Profile.ResourceMobilisation,
            MethodsAndMeasures = o.Profile.MethodsAndMeasures,
        });
    }
}
