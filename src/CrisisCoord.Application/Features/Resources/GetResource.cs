using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Resources;

public sealed record GetResourceQuery(Guid Id) : IQuery<ResourceDto>;

public sealed class GetResourceQueryHandler(AppDbContext db) : IQueryHandler<GetResourceQuery, ResourceDto>
{
    public async ValueTask<ResourceDto> Handle(GetResourceQuery query, CancellationToken cancellationToken)
    {
        var row = await db.Rows().AsNoTracking().SingleOrDefaultAsync(x => x.Resource.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Resource", query.Id);
        return row.ToDto();
    }
}
