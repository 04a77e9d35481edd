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
