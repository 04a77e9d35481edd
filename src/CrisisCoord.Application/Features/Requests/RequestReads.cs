using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Resources;
using CrisisCoord.Application.Security;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Requests;

/// <summary>What the request queries and the request page share: one thread as the reader may see it, and the candidates to ask.</summary>
public static class RequestReads
{
    public const int CandidatesShown = 50;

    /// <summary>
    /// Threads as the reader may see them. Those who see the incident's detail see every answer; an organisation
    /// that was only asked sees its own offers (other organisations' terms are theirs and the coordinators'), and
    /// still sees what is committed and delivered, so it knows whether it is still needed.
    /// </summary>
    public static async Task<IReadOnlyList<ResourceRequestDto>> AsSeenByReaderAsync(
        this IReadOnlyList<ResourceRequestDto> threads, AccessPolicy access, Guid? organisation, CancellationToken ct)
    {
        var shown = await access.DetailShownAsync([.. threads.Select(t => t.IncidentId).Distinct()], ct);
        return [.. threads.Select(t => shown.Contains(t.IncidentId) ? t : t with { Offers = [.. t.Offers.Where(o => o.OrganisationId == organisation)] })];
    }

    /// <summary>One thread with what the reader may do to it and to each offer and commitment.</summary>
    public static async Task<ResourceRequestDto> ThreadAsync(AppDbContext db, AccessPolicy access, ICurrentUser user, Guid id, CancellationToken ct)
    {
        var request = (await new[] { await RequestThreads.LoadOneAsync(db, id, ct) }.AsSeenByReaderAsync(access, user.OrganisationId, ct)).Single();
        var incident = await access.IncidentFactsAsync(request.IncidentId, ct);
        return (await ThreadCapabilities.AddAsync(access, incident, [request], ct)).Single() with
        {
            Capabilities = await access.CapabilitiesAsync(SubjectKind.Request, id, ct),
        };
    }

    /// <summary>Holders of the type with some left, nearest first, then most recently confirmed.</summary>
    public static async Task<IReadOnlyList<CandidateDto>> CandidatesAsync(AppDbContext db, Guid requestId, CancellationToken cancellationToken)
    {
        var request = await db.ResourceRequests.AsNoTracking().SingleAsync(r => r.Id == requestId, cancellationToken);

        var asked = await db.RequestAddressees.Where(a => a.RequestId == request.Id).Select(a => a.OrganisationId).ToListAsync(cancellationToken);
        var answered = await db.ResourceOffers.Where(o => o.RequestId == request.Id).Select(o => o.OrganisationId).ToListAsync(cancellationToken);
        var candidates = await db.Rows()
            .Where(x => x.Resource.ResourceTypeId == request.ResourceTypeId && x.Resource.Quantity > x.Resource.Committed)
            .WithDistanceFrom(request.DeliveryLatitude, request.DeliveryLongitude)
            .OrderBy(x => Math.Round(x.DistanceKm)).ThenByDescending(x => x.Row.Resource.LastConfirmedAt).ThenBy(x => x.Row.Resource.Id)
            .Take(CandidatesShown)
            .ToListAsync(cancellationToken);
        return [.. candidates.Select(c => new CandidateDto(
            c.Row.Resource.Id,
            c.Row.Resource.OrganisationId,
            c.Row.OrganisationName,
            c.Row.OrganisationKind,
            c.Row.Resource.Quantity - c.Row.Resource.Committed,
            c.Row.Unit,
            c.Row.Resource.PlaceName,
            Math.Round(c.DistanceKm, 1),
            c.Row.Resource.LastConfirmedAt,
            asked.Contains(c.Row.Resource.OrganisationId),
            answered.Contains(c.Row.Resource.OrganisationId)))];
    }
}
