using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Organisations;

/// <summary>The citizens' organisations a member of the public may join when registering.</summary>
[Performs(Act.ListCitizenGroups)]
public sealed record ListCitizenGroupsQuery : IQuery<IReadOnlyList<CitizenGroupDto>>;

public sealed record CitizenGroupDto(Guid Id, string Name, string AreaName);

public sealed class ListCitizenGroupsQueryHandler(AppDbContext db) : IQueryHandler<ListCitizenGroupsQuery, IReadOnlyList<CitizenGroupDto>>
{
    public async ValueTask<IReadOnlyList<CitizenGroupDto>> Handle(ListCitizenGroupsQuery query, CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Citizen)
            .OrderBy(o => o.AreaName).ThenBy(o => o.Name)
            .Select(o => new CitizenGroupDto(o.Id, o.Name, o.AreaName))
            .ToListAsync(cancellationToken);
}
