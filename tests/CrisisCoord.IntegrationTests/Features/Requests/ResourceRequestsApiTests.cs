using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Requests;
using CrisisCoord.IntegrationTests.Features.Audit;
using CrisisCoord.IntegrationTests.Features.Resources;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Requests;

/// <summary>The request thread: raise, ask, answer, commit (reserving inventory), deliver, release (restoring it).</summary>
public sealed class ResourceRequestsApiTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task A_request_is_covered_partly_then_fully_delivered_and_released_with_the_inventory_exact_at_every_step()
    {
        var s = await RequestScene.CreateAsync(App, water: 500);
        var builder = await App.CreateAsync(Roles.ResourceManager, OrganisationKind.Enterprise);
        var builderClient = await App.ClientForAsync(builder);
        var (builderWater, _) = await ResourceData.RegisterAsync(builderClient, ResourceData.Water(100, 30.69, 114.10));

        var request = await s.RaiseAsync(300);
        var raised = await s.GetAsync(request);
        raised["commitStatus"]!.GetValue<string>().ShouldBe("None");
        raised["fulfilStatus"]!.GetValue<string>().ShouldBe("None");
        raised["unit"]!.GetValue<string>().ShouldNotBeNullOrEmpty();

        // Candidates: both holders, nearest to the delivery place first, with their kind shown.
        var candidates = (await s.Coordinator.GetFromJsonAsync<JsonArray>($"/api/v1/resource-requests/{request}/candidates"))!;
        candidates.Select(c => c!["resourceId"]!.GetValue<Guid>()).ShouldBe([builderWater["id"]!.GetValue<Guid>(), s.Water]);
        candidates[0]!["organisationKind"]!.GetValue<string>().ShouldBe("Enterprise");
        candidates[0]!["distanceKm"]!.GetValue<double>().ShouldBeLessThan(candidates[1]!["distanceKm"]!.GetValue<double>());

        await RequestScene.OkAsync(await s.Coordinator.PostAsJsonAsync($"/api/v1/resource-requests/{request}/addressees", new { organisationId = s.Scene.Ngo.OrganisationId }));
        (await s.Coordinator.PostAsJsonAsync($"/api/v1/resource-requests/{request}/addressees", new { organisationId = s.Scene.Ngo.OrganisationId }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict, "asked once");

        var ngoOffer = await s.OfferAsync(request, 200);
        var first = await s.CommitAsync(request, ngoOffer);
        first["quantity"]!.GetValue<decimal>().ShouldBe(200, "the whole offer when no quantity is named");
        (await s.GetAsync(request))["commitStatus"]!.GetValue<string>().ShouldBe("Partial");
        (await AvailableAsync(s.Ngo, s.Water)).ShouldBe(300);

        // The builder takes no part in the incident, so it answers once it is asked.
        await RequestScene.OkAsync(await s.Coordinator.PostAsJsonAsync($"/api/v1/resource-requests/{request}/addressees", new { organisationId = builder.OrganisationId }));
        var builderOffer = await RequestScene.OkAsync(await builderClient.PostAsJsonAsync($"/api/v1/resource-requests/{request}/responses",
            new { answer = "Provisional", resourceId = builderWater["id"], quantity = 100, note = "Truck to be confirmed" }));
        var second = await s.CommitAsync(request, builderOffer["id"]!.GetValue<Guid>());
        var full = await s.GetAsync(request);
        full["commitStatus"]!.GetValue<string>().ShouldBe("Full");
        full["fulfilStatus"]!.GetValue<string>().ShouldBe("None");

        // The NGO reports its water en route and arrived; the coordinator marks the other arrived.
        var etag = await MoveOkAsync(s.Ngo, first, "EnRoute");
        etag = await MoveOkAsync(s.Ngo, first, "Arrived", etag);
        (await s.GetAsync(request))["fulfilStatus"]!.GetValue<string>().ShouldBe("Partial");
        await MoveOkAsync(s.Coordinator, second, "Arrived");
        (await s.GetAsync(request))["fulfilStatus"]!.GetValue<string>().ShouldBe("Full");

        // Released after use: the inventory comes back; the delivery still counts.
        (await RequestScene.MoveAsync(s.Ngo, first["id"]!.GetValue<Guid>(), "Released", etag)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a coordinator releases");
        await MoveOkAsync(s.Coordinator, first, "Released", etag);
        (await AvailableAsync(s.Ngo, s.Water)).ShouldBe(500);
        var after = await s.GetAsync(request);
        after["commitStatus"]!.GetValue<string>().ShouldBe("Full");
        after["fulfilStatus"]!.GetValue<string>().ShouldBe("Full");
        (await RequestScene.MoveAsync(s.Coordinator, first["id"]!.GetValue<Guid>(), "EnRoute", null)).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);

        var actions = (await TimelineData.EventsAsync(App.Database, s.Incident)).Select(e => e.Action).ToList();
        actions.ShouldContain("RaiseResourceRequest");
        actions.ShouldContain("AskOrganisation");
        actions.Count(a => a == "RespondToResourceRequest").ShouldBe(2);
        actions.Count(a => a == "CommitOffer").ShouldBe(2);
        actions.Count(a => a == "ReportCommitment").ShouldBe(3);
        actions.Count(a => a == "ReleaseCommitment").ShouldBe(1);
    }

    [Fact]
    public async Task Declining_needs_a_reason_and_a_declined_offer_cannot_be_committed()
    {
        var s = await RequestScene.CreateAsync(App);
        var request = await s.RaiseAsync();

        var noReason = await s.Ngo.PostAsJsonAsync($"/api/v1/resource-requests/{request}/responses", new { answer = "Decline" });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("Say why the organisation declines.");

        var declined = await RequestScene.OkAsync(await s.Ngo.PostAsJsonAsync($"/api/v1/resource-requests/{request}/responses", new { answer = "Decline", note = "All our water is at the flood" }));
        declined["quantity"]!.GetValue<decimal>().ShouldBe(0);
        (await s.Coordinator.PostAsJsonAsync($"/api/v1/resource-requests/{request}/commitments", new { offerId = declined["id"] }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await using var db = App.Database.CreateContext();
        (await db.ResourceCommitments.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Organisations_answer_only_from_their_own_inventory_and_only_coordinators_commit()
    {
        var s = await RequestScene.CreateAsync(App);
        var request = await s.RaiseAsync();
        var other = await App.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        var otherClient = await App.ClientForAsync(other);

        (await otherClient.PostAsJsonAsync($"/api/v1/resource-requests/{request}/responses", new { answer = "Accept", resourceId = s.Water, quantity = 10 }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound, "it neither takes part nor was asked, so it may not know the request exists");
        (await s.Ngo.PostAsJsonAsync($"/api/v1/resource-requests/{request}/responses", new { answer = "Accept", resourceId = s.Water, quantity = 501 }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict, "more than it holds");

        var offer = await s.OfferAsync(request, 100);
        (await s.Ngo.PostAsJsonAsync($"/api/v1/resource-requests/{request}/commitments", new { offerId = offer })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await s.Coordinator.PostAsJsonAsync($"/api/v1/resource-requests/{request}/commitments", new { offerId = offer, quantity = 150 }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict, "more than offered");
        (await s.Coordinator.PostAsJsonAsync($"/api/v1/resource-requests/{Guid.NewGuid()}/commitments", new { offerId = offer })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await s.Coordinator.PostAsJsonAsync($"/api/v1/resource-requests/{request}/commitments", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await using var db = App.Database.CreateContext();
        (await db.Resources.SingleAsync(r => r.Id == s.Water)).Committed.ShouldBe(0);
    }

    [Fact]
    public async Task Fifty_concurrent_commitments_against_ten_units_commit_exactly_ten_and_the_rest_hear_what_is_left()
    {
        var s = await RequestScene.CreateAsync(App, water: 10);
        var request = await s.RaiseAsync(1000);
        var offers = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            offers.Add(await s.OfferAsync(request, 10));
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            s.Coordinator.PostAsJsonAsync($"/api/v1/resource-requests/{request}/commitments", new { offerId = offers[i % 5], quantity = 1 })));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(10);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        refused.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Conflict);
        var problem = (await refused[0].Content.ReadFromJsonAsync<JsonObject>())!;
        problem["remaining"]!.GetValue<decimal>().ShouldBe(0);
        problem["detail"]!.GetValue<string>().ShouldContain("Only 0 of this resource is left");

        await using var db = App.Database.CreateContext();
        (await db.Resources.SingleAsync(r => r.Id == s.Water)).Committed.ShouldBe(10);
        (await db.ResourceCommitments.SumAsync(c => c.Quantity)).ShouldBe(10);
        (await db.TimelineEvents.CountAsync(e => e.Action == "CommitOffer")).ShouldBe(10, "refused commitments write nothing");
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_what_is_wrong_and_nothing_written()
    {
        var s = await RequestScene.CreateAsync(App);
        async Task<JsonObject> RefusedAsync(JsonObject body)
        {
            var response = await s.Coordinator.PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/resource-requests", body);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        }

        (await RefusedAsync(RequestScene.WaterRequest().With("type", "unicorn")))["type"]!.ToJsonString().ShouldContain("not in the resource catalogue");
        (await RefusedAsync(RequestScene.WaterRequest().With("quantity", 0)))["quantity"].ShouldNotBeNull();
        (await RefusedAsync(RequestScene.WaterRequest().With("neededBy", DateTimeOffset.UtcNow.AddHours(-1))))["neededBy"]!.ToJsonString().ShouldContain("in the past");
        (await RefusedAsync(RequestScene.WaterRequest().With("deliveryLatitude", 91)))["deliveryLatitude"].ShouldNotBeNull();
        (await RefusedAsync(RequestScene.WaterRequest().With("priority", "Panic")))["priority"].ShouldNotBeNull();
        (await s.Coordinator.PostAsJsonAsync($"/api/v1/incidents/{Guid.NewGuid()}/resource-requests", RequestScene.WaterRequest())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await s.Ngo.PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/resource-requests", RequestScene.WaterRequest())).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "coordinators raise requests");

        var request = await s.RaiseAsync();
        var offer = await s.OfferAsync(request, 50);
        var commitment = await s.CommitAsync(request, offer);
        var id = commitment["id"]!.GetValue<Guid>();
        (await RequestScene.MoveAsync(s.Ngo, id, "Lunch", $"\"{commitment["version"]}\"")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await RequestScene.MoveAsync(s.Ngo, id, "EnRoute", "\"1\"")).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);

        await using var db = App.Database.CreateContext();
        (await db.ResourceRequests.CountAsync()).ShouldBe(1);
        (await db.ResourceCommitments.SingleAsync()).State.ShouldBe(CommitmentState.Committed);
    }

    [Fact]
    public async Task An_unsolicited_offer_can_be_committed_and_requests_are_shown_to_those_who_can_answer_them()
    {
        var s = await RequestScene.CreateAsync(App);
        var offer = await RequestScene.OkAsync(await s.Ngo.PostAsJsonAsync($"/api/v1/incidents/{s.Incident}/offers", new { resourceId = s.Water, quantity = 40, note = "Spare bottles" }));
        offer["requestId"].ShouldBeNull();
        var commitment = await RequestScene.OkAsync(await s.Coordinator.PostAsJsonAsync($"/api/v1/offers/{offer["id"]}/commitments", new { }));
        commitment["quantity"]!.GetValue<decimal>().ShouldBe(40);
        var thread = (await s.Coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/incidents/{s.Incident}/resource-requests"))!;
        thread["unsolicitedOffers"]!.AsArray().Single()!["committedQuantity"]!.GetValue<decimal>().ShouldBe(40);

        var request = await s.RaiseAsync();
        var holder = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.Enterprise);
        (await holder.GetAsync($"/api/v1/resource-requests/{request}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "it neither takes part nor was asked, so it may not know the request exists");
        (await holder.GetFromJsonAsync<JsonArray>("/api/v1/resource-requests/mine"))!.ShouldBeEmpty();
        (await s.Ngo.GetFromJsonAsync<JsonArray>("/api/v1/resource-requests/mine"))!.Single()!["id"]!.GetValue<Guid>().ShouldBe(request, "the NGO holds water");
        (await s.Ngo.GetAsync("/api/v1/resource-requests")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the full list is for coordinators");
        (await s.Coordinator.GetFromJsonAsync<JsonObject>("/api/v1/resource-requests"))!["requests"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_thread_exports_as_edxl_rm_messages_threaded_by_their_ids_in_one_edxl_de_distribution()
    {
        var s = await RequestScene.CreateAsync(App);
        var request = await s.RaiseAsync(300);
        var offer = await s.OfferAsync(request, 120);
        var commitment = await s.CommitAsync(request, offer);
        (await RequestScene.MoveAsync(s.Coordinator, commitment["id"]!.GetValue<Guid>(), "Released", $"\"{commitment["version"]}\"")).EnsureSuccessStatusCode();

        var response = await s.Coordinator.GetAsync($"/api/v1/resource-requests/{request}/edxl-rm");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/xml");
        var xml = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        System.Xml.Linq.XNamespace msg = "urn:oasis:names:tc:emergency:EDXL:RM:1.0:msg";
        System.Xml.Linq.XNamespace rm = "urn:oasis:names:tc:emergency:EDXL:RM:1.0";
        xml.Root!.Name.LocalName.ShouldBe("EDXLDistribution");
        var messages = xml.Descendants().Where(e => e.Name.Namespace == msg && e.Element(msg + "MessageID") is not null).ToList();
        messages.Select(m => m.Name.LocalName).ShouldBe(["RequestResource", "ResponseToRequestResource", "CommitResource", "ReleaseResource"]);
        string Id(System.Xml.Linq.XElement m, string name) => m.Element(msg + name)?.Value ?? "";
        var first = Id(messages[0], "MessageID");
        messages.Select(m => Id(m, "OriginatingMessageID")).Distinct().ShouldBe([first]);
        Id(messages[1], "PrecedingMessageID").ShouldBe(first);
        Id(messages[2], "PrecedingMessageID").ShouldBe(Id(messages[1], "MessageID"));
        Id(messages[3], "PrecedingMessageID").ShouldBe(Id(messages[2], "MessageID"));
        messages[1].Descendants(rm + "ResponseType").Single().Value.ShouldBe("Accept");
        messages[0].Descendants(rm + "Amount").Single().Value.ShouldBe("300");
        Id(messages[0], "SentDateTime").ShouldMatch(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$");

        var outsider = await App.ClientAsAsync(Roles.AgencyStaff, OrganisationKind.Enterprise);
        (await outsider.GetAsync($"/api/v1/resource-requests/{request}/edxl-rm")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await s.Coordinator.GetAsync($"/api/v1/resource-requests/{Guid.NewGuid()}/edxl-rm")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await s.Coordinator.GetAsync($"/api/v1/incidents/{Guid.NewGuid()}/edxl-rm")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await s.Coordinator.GetAsync($"/api/v1/incidents/{s.Incident}/edxl-rm")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_inventory_import_cannot_take_a_resource_below_what_is_committed()
    {
        var s = await RequestScene.CreateAsync(App, water: 500);
        var request = await s.RaiseAsync(300);
        await s.CommitAsync(request, await s.OfferAsync(request, 300));

        var csv = ResourceData.InventoryCsv("drinking-water,250,\"Red Cross depot, Qinghe North\",30.6012,114.3105,,,");
        var response = await s.Ngo.PostAsync("/api/v1/resources/import", ResourceData.CsvUpload(csv));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var row = problem["rowErrors"]!.AsArray().Single()!;
        row["row"]!.GetValue<int>().ShouldBe(2);
        row["column"]!.GetValue<string>().ShouldBe("quantity");
        row["message"]!.GetValue<string>().ShouldContain("300 of this resource is committed");

        await using var db = App.Database.CreateContext();
        var water = await db.Resources.SingleAsync(r => r.Id == s.Water);
        (water.Quantity, water.Committed).ShouldBe((500m, 300m), "nothing written");
        (await db.Set<CrisisCoord.Domain.Resources.InventoryImport>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_coordinator_closes_a_request_with_a_reason_and_nothing_more_is_answered_or_committed_on_it()
    {
        var s = await RequestScene.CreateAsync(App);
        var request = await s.RaiseAsync(300);
        var offer = await s.OfferAsync(request, 100);
        var get = await s.Coordinator.GetAsync($"/api/v1/resource-requests/{request}");
        var etag = get.Headers.ETag!.Tag;

        async Task<HttpResponseMessage> CloseAsync(object body, string? match)
        {
            var close = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/resource-requests/{request}/close") { Content = JsonContent.Create(body) };
            if (match is not null)
            {
                close.Headers.TryAddWithoutValidation("If-Match", match);
            }

            return await s.Coordinator.SendAsync(close);
        }

        (await CloseAsync(new { reason = "Met by the city's own stock" }, null)).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        (await CloseAsync(new { }, etag)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CloseAsync(new { reason = "Met by the city's own stock" }, "\"1\"")).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var closed = await RequestScene.OkAsync(await CloseAsync(new { reason = "Met by the city's own stock" }, etag));
        closed["state"]!.GetValue<string>().ShouldBe("Closed");
        closed["closedReason"]!.GetValue<string>().ShouldBe("Met by the city's own stock");

        (await s.Ngo.PostAsJsonAsync($"/api/v1/resource-requests/{request}/responses", new { answer = "Accept", resourceId = s.Water, quantity = 10 }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await s.Coordinator.PostAsJsonAsync($"/api/v1/resource-requests/{request}/commitments", new { offerId = offer })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await s.Coordinator.GetFromJsonAsync<JsonObject>("/api/v1/resource-requests"))!["requests"]!.AsArray().ShouldBeEmpty("only open requests are listed");
    }

    private async Task<string> MoveOkAsync(HttpClient client, JsonObject commitment, string status, string? etag = null)
    {
        var response = await RequestScene.MoveAsync(client, commitment["id"]!.GetValue<Guid>(), status, etag ?? $"\"{commitment["version"]}\"");
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return response.Headers.ETag!.Tag;
    }

    private async Task<decimal> AvailableAsync(HttpClient client, Guid resource) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/v1/resources/{resource}"))!["available"]!.GetValue<decimal>();
}
