using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;

namespace CrisisCoord.Application.Features.Requests;

/// <summary>One request thread.</summary>
[Performs(Act.ViewRequest)]
public sealed record GetResourceRequestQuery(Guid Id) : IQuery<ResourceRequestDto>, IResourceRequestMessage
{
    Guid IResourceRequestMessage.RequestId => Id;
}

public sealed class GetResourceRequestQueryHandler(AppDbContext db, AccessPolicy access, ICurrentUser user) : IQueryHandler<GetResourceRequestQuery, ResourceRequestDto>
{
    public async ValueTask<ResourceRequestDto> Handle(GetResourceRequestQuery query, CancellationToken cancellationToken)
    {
        return await RequestReads.ThreadAsync(db, access, user, query.Id, cancellationToken);
    }
}
