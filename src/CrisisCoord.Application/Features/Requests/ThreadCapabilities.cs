using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Requests;

namespace CrisisCoord.Application.Features.Requests;

/// <summary>What the reader may do to each offer and commitment of a thread, decided in memory from the incident's facts.</summary>
public static class ThreadCapabilities
{
    /// <summary>An incident's requests, open first then newest, and the offers made to it unasked, each with what the reader may do.</summary>
    public static async Task<IncidentRequests> ForIncidentAsync(AppDbContext db, AccessPolicy access, IncidentFacts incident, CancellationToken ct)
    {
        var requests = await AddAsync(access, incident, await RequestThreads.LoadAsync(db, db.ResourceRequests.Where(r => r.IncidentId == incident.Id), ct), ct);
        var unsolicited = await AddAsync(access, incident, await RequestThreads.OffersAsync(db, db.ResourceOffers.Where(o => o.IncidentId == incident.Id && o.RequestId == null), ct), ct);
        return new IncidentRequests([.. requests.OrderBy(r => r.State).ThenByDescending(r => r.RaisedAt)], unsolicited);
    }

    public static async Task<IReadOnlyList<ResourceRequestDto>> AddAsync(
        AccessPolicy access, IncidentFacts incident, IReadOnlyList<ResourceRequestDto> threads, CancellationToken ct)
    {
        var decide = await access.DeciderAsync(ct);
        return [.. threads.Select(thread => thread with
        {
            Offers = Add(decide, incident, thread.Offers, thread.State),
            Commitments = [.. thread.Commitments.Select(c => c with { Capabilities = decide(Subjects.ForCommitment(incident, c.Id, c.OrganisationId, c.State)) })],
        })];
    }

    public static async Task<IReadOnlyList<OfferDto>> AddAsync(AccessPolicy access, IncidentFacts incident, IReadOnlyList<OfferDto> offers, CancellationToken ct) =>
        Add(await access.DeciderAsync(ct), incident, offers, null);

    private static IReadOnlyList<OfferDto> Add(Func<Subject, Capabilities> decide, IncidentFacts incident, IReadOnlyList<OfferDto> offers, RequestState? requestState) =>
        [.. offers.Select(o => o with { Capabilities = decide(Subjects.ForOffer(incident, o.Id, o.OrganisationId, requestState)) })];
}
