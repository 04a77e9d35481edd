using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Resources;
using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Requests;

/// <summary>
/// The request page in one read: the thread with what the reader may do to it and to each offer and
/// commitment, the candidates to ask (for those who coordinate it) and the reader's own resources of the
/// type (for those who may answer).
/// </summary>
[Performs(Act.ViewRequest)]
public sealed record GetRequestViewQuery(Guid Id) : IQuery<RequestView>, IResourceRequestMessage
{
    Guid IResourceRequestMessage.RequestId => Id;
}

public sealed record RequestView(ResourceRequestDto Thread, IReadOnlyList<CandidateDto> Candidates, IReadOnlyList<ResourceDto> MyResources)
{
    public Capabilities Capabilities => Thread.Capabilities ?? Capabilities.None;
}

public sealed class GetRequestViewQueryHandler(AppDbContext db, AccessPolicy access, ICurrentUser user) : IQueryHandler<GetRequestViewQuery, RequestView>
{
    public async ValueTask<RequestView> Handle(GetRequestViewQuery query, CancellationToken cancellationToken)
    {
        var thread = await RequestReads.ThreadAsync(db, access, user, query.Id, cancellationToken);
        var capabilities = thread.Capabilities ?? Capabilities.None;
        var candidates = capabilities.Can(Act.MatchResources) && capabilities.Can(Act.AskOrganisation)
            ? await RequestReads.CandidatesAsync(db, query.Id, cancellationToken)
            : [];
        IReadOnlyList<ResourceDto> mine = [];
        if (capabilities.Can(Act.AnswerRequest) && user.OrganisationId is { } organisation)
        {
            var rows = await db.Rows().AsNoTracking()
                .Where(x => x.Resource.OrganisationId == organisation && x.TypeCode == thread.Type && x.Resource.Quantity > x.Resource.Committed)
                .OrderBy(x => x.Resource.PlaceName).ThenBy(x => x.Resource.Id)
                .ToListAsync(cancellationToken);
            mine = [.. rows.Select(x => x.ToDto())];
        }

        return new RequestView(thread, candidates, mine);
    }
}
