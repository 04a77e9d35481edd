using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Obligations;
using CrisisCoord.Domain.Requests;
using Mediator;

namespace CrisisCoord.Application.Features.Requests;

/// <summary>For coordinators: every open request, the ones with unanswered organisations and the late ones first.</summary>
[Performs(Act.ViewOpenRequests)]
public sealed record ListOpenRequestsQuery : IQuery<OpenRequests>;

public sealed record OpenRequests(DateTimeOffset AsOf, IReadOnlyList<ResourceRequestDto> Requests, TimeSpan AnswerWithin)
{
    public bool IsLate(ResourceRequestDto r) => r.NeededBy < AsOf && r.FulfilStatus != CoverStatus.Full;

    public IEnumerable<AddresseeDto> Unanswered(ResourceRequestDto r) => r.Unanswered.Where(a => a.AskedAt + AnswerWithin < AsOf);
}

public sealed class ListOpenRequestsQueryHandler(AppDbContext db, AccessPolicy access, ObligationRules rules, TimeProvider clock)
    : IQueryHandler<ListOpenRequestsQuery, OpenRequests>
{
    public async ValueTask<OpenRequests> Handle(ListOpenRequestsQuery query, CancellationToken cancellationToken)
    {
        var all = await RequestThreads.LoadAsync(db, db.ResourceRequests.Where(r => r.State == RequestState.Open), cancellationToken);
        var shown = await access.DetailShownAsync([.. all.Select(r => r.IncidentId).Distinct()], cancellationToken);
        var requests = all.Where(r => shown.Contains(r.IncidentId)).ToList();
        var open = new OpenRequests(clock.GetUtcNow(), requests, rules.AnswerResourceRequest);
        return open with
        {
            Requests = [.. requests
                .OrderByDescending(r => open.IsLate(r) || open.Unanswered(r).Any())
                .ThenByDescending(r => r.Priority)
                .ThenBy(r => r.NeededBy ?? DateTimeOffset.MaxValue)],
        };
    }
}
