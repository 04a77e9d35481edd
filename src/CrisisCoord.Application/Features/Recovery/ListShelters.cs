using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Recovery;

/// <summary>A resource of the reader's organisation it may hand out: what is not committed to requests.</summary>
public sealed record DistributableResource(Guid Id, string Type, string TypeName, string Unit, string PlaceName, decimal Available);

/// <summary>An incident's shelters and the relief handed out on it, with what the reader may do and may hand out.</summary>
public sealed record SheltersView(
    Guid IncidentId,
    string IncidentTitle,
    IReadOnlyList<ShelterDto> Shelters,
    IReadOnlyList<DistributionDto> Distributions,
    IReadOnlyList<DistributableResource> MyResources,
    Capabilities Capabilities)
{
    public int Capacity => Shelters.Sum(s => s.Capacity);

    public int Occupancy => Shelters.Sum(s => s.Occupancy);

    public int Households => Distributions.Sum(d => d.Households);
}

/// <summary>The incident's shelters (oldest first) and relief distributions (newest first).</summary>
[Performs(Act.ViewShelters)]
public sealed record ListSheltersQuery(Guid IncidentId) : IQuery<SheltersView>, IIncidentMessage;

public sealed class ListSheltersQueryHandler(AppDbContext db, AccessPolicy access, ICurrentUser user) : IQueryHandler<ListSheltersQuery, SheltersView>
{
    public async ValueTask<SheltersView> Handle(ListSheltersQuery query, CancellationToken cancellationToken)
    {
        var title = await db.Incidents.Where(i => i.Id == query.IncidentId).Select(i => i.Title).SingleAsync(cancellationToken);
        var shelters = await ShelterDto.LoadAsync(db, query.IncidentId, null, cancellationToken);
        var distributions = await DistributionDto.LoadAsync(db, query.IncidentId, null, cancellationToken);
        var capabilities = await access.CapabilitiesAsync(SubjectKind.Incident, query.IncidentId, cancellationToken);
        var mine = user.OrganisationId ?? Guid.Empty;
        IReadOnlyList<DistributableResource> resources = capabilities.Can(Act.DistributeRelief)
            ? await (
                    from r in db.Resources.AsNoTracking()
                    join t in db.ResourceTypes on r.ResourceTypeId equals t.Id
                    where r.OrganisationId == mine && r.Quantity > r.Committed
                    orderby t.Name, r.PlaceName
                    select new DistributableResource(r.Id, t.Code, t.Name, t.Unit, r.PlaceName, r.Quantity - r.Committed))
                .ToListAsync(cancellationToken)
            : [];
        var incident = await access.IncidentFactsAsync(query.IncidentId, cancellationToken);
        var decide = await access.DeciderAsync(cancellationToken);
        return new SheltersView(
            query.IncidentId,
            title,
            [.. shelters.Select(s => s with { Capabilities = decide(new Subject(SubjectKind.Shelter, s.Id) { Incident = incident, Owner = s.OrganisationId }) })],
            distributions,
            resources,
            capabilities);
    }
}
