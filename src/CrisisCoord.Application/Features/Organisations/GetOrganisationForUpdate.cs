using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Organisations;

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
            ServiceAreaLatitude = o.ServiceArea?.Latitude,
            ServiceAreaLongitude = o.ServiceArea?.Longitude,
            ServiceAreaRadiusKm = o.ServiceArea?.RadiusKm,
        });
    }
}
