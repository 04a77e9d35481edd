using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Resources;

/// <summary>The catalogue of resource types, by name.</summary>
[Performs(Act.ViewDirectory)]
public sealed record ListResourceTypesQuery : IQuery<IReadOnlyList<ResourceTypeDto>>;

public sealed record ResourceTypeDto(Guid Id, string Code, string Name, string Unit);

public sealed class ListResourceTypesQueryHandler(AppDbContext db) : IQueryHandler<ListResourceTypesQuery, IReadOnlyList<ResourceTypeDto>>
{
    public async ValueTask<IReadOnlyList<ResourceTypeDto>> Handle(ListResourceTypesQuery query, CancellationToken cancellationToken) =>
        await db.ResourceTypes.AsNoTracking()
            .OrderBy(t => t.Name)
            .Select(t => new ResourceTypeDto(t.Id, t.Code, t.Name, t.Unit))
            .ToListAsync(cancellationToken);
}
