using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Resources;

[Performs(Act.ViewResource)]
public sealed record GetResourceQuery(Guid Id) : IQuery<ResourceDto>, IResourceMessage
{
    Guid IResourceMessage.ResourceId => Id;
}

public sealed class GetResourceQueryHandler(AppDbContext db, AccessPolicy access) : IQueryHandler<GetResourceQuery, ResourceDto>
{
    public async ValueTask<ResourceDto> Handle(GetResourceQuery query, CancellationToken cancellationToken)
    {
        var row = await db.Rows().AsNoTracking().SingleOrDefaultAsync(x => x.Resource.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Resource", query.Id);
        return row.ToDto() with { Capabilities = await access.CapabilitiesAsync(SubjectKind.Resource, query.Id, cancellationToken) };
    }
}
