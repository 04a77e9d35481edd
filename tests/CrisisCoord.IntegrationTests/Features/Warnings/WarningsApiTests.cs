using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Notifications;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrisisCoord.IntegrationTests.Features.Warnings;

public sealed partial class WarningsApiTests(CrisisCoordApp app) : AppTest(app)
{
    private static readonly XNamespace Cap = CapSchema.Cap;

    [Fact]
    public async Task A_warning_drafted_approved_updated_and_cancelled_issues_a_valid_cap_thread_whose_references_name_every_earlier_message()
    {
        var scene = await WarningScene.CreateAsync(App);
        var published = await scene.PublishAsync(App, scene.Body(App.Clock.GetUtcNow()));
        var id = published["id"]!.GetValue<Guid>();
        published["state"]!.GetValue<string>().ShouldBe("Published");
        var coordinator = await App.ClientForAsync(scene.Coordinator);

        var edit = scene.Body(App.Clock.GetUtcNow(), "Flood warning: levee breached at km 12");
        var update = await SendAsync(coordinator, HttpMethod.Put, $"/api/v1/warnings/{id}", edit, published["version"]!.ToString());
        update.StatusCode.ShouldBe(HttpStatusCode.OK);
        var updated = (await update.Content.ReadFromJsonAsync<JsonObject>())!;
        updated["state"]!.GetValue<string>().ShouldBe("Updated");

        var cancel = await SendAsync(coordinator, HttpMethod.Post, $"/api/v1/warnings/{id}/cancellation", new JsonObject { ["reason"] = "The levee held; water is falling." }, updated["version"]!.ToString());
        cancel.StatusCode.ShouldBe(HttpStatusCode.OK);

        var messages = (await (await coordinator.GetAsync($"/api/v1/warnings/{id}/messages")).Content.ReadFromJsonAsync<JsonObject>())!["messages"]!.AsArray();
        messages.Select(m => m!["messageType"]!.GetValue<string>()).ShouldBe(["Alert", "Update", "Cancel"]);
        var documents = messages.Select(m => XDocument.Parse(m!["xml"]!.GetValue<string>())).ToList();
        foreach (var message in messages)
        {
            CapSchema.Errors(message!["xml"]!.GetValue<string>()).ShouldBeEmpty();
        }

        string Reference(XDocument d) => string.Join(",", new[] { "sender", "identifier", "sent" }.Select(n => d.Root!.Element(Cap + n)!.Value));
        documents[0].Root!.Element(Cap + "references").ShouldBeNull();
        documents[1].Root!.Element(Cap + "references")!.Value.ShouldBe(Reference(documents[0]));
        documents[2].Root!.Element(Cap + "references")!.Value.ShouldBe($"{Reference(documents[0])} {Reference(documents[1])}");
        documents.Select(d => d.Root!.Element(Cap + "identifier")!.Value).Distinct().Count().ShouldBe(3);
        foreach (var document in documents)
        {
            var alert = document.Root!;
            alert.Element(Cap + "sender")!.Value.ShouldBe("localhost");
            alert.Element(Cap + "identifier")!.Value.ShouldNotContain(",");
            alert.Element(Cap + "sent")!.Value.ShouldMatch(CapTime().ToString());
            // One info per language, each with the same codes and the same words the user typed.
            alert.Elements(Cap + "info").Select(i => i.Element(Cap + "language")!.Value).ShouldBe(["en-US", "zh-CN"]);
            foreach (var info in alert.Elements(Cap + "info"))
            {
                info.Element(Cap + "severity")!.Value.ShouldBe("Severe");
                info.Elements(Cap + "category").Select(c => c.Value).ShouldBe(["Geo", "Met"]);
                info.Element(Cap + "expires")!.Value.ShouldMatch(CapTime().ToString());
                info.Element(Cap + "senderName")!.Value.ShouldStartWith("Government City");
                info.Element(Cap + "headline")!.Value.ShouldBe(alert.Element(Cap + "info")!.Element(Cap + "headline")!.Value);
                info.Elements(Cap + "area").Select(a => (a.Element(Cap + "circle") ?? a.Element(Cap + "polygon"))!.Value)
                    .ShouldBe(["30.5,114.3 5", "30.52,114.28 30.52,114.34 30.56,114.34 30.56,114.28 30.52,114.28"]);
            }
        }

        documents[1].Root!.Element(Cap + "info")!.Element(Cap + "headline")!.Value.ShouldBe("Flood warning: levee breached at km 12");
        documents[2].Root!.Element(Cap + "note")!.Value.ShouldBe("The levee held; water is falling.");

        await using var db = App.Database.CreateContext();
        var actions = await db.TimelineEvents.Where(e => e.ChainId == scene.Incident).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
        actions.ShouldBe(["DraftWarning", "ApproveAndPublishWarning", "EditWarning", "CancelWarning"]);
    }

    [Fact]
    public async Task Cap_times_are_written_in_the_configured_offset()
    {
        var scene = await WarningScene.CreateAsync(App);
        var body = scene.Body(App.Clock.GetUtcNow());
        var expires = DateTimeOffset.Parse(body["expires"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        using var china = App.WithWebHostBuilder(b => b.UseSetting("Warnings:TimeOffset", "+08:00").UseSetting("Warnings:Sender", "warnings.wuhan.example.gov"));
        var staff = await ClientForAsync(china, scene.Staff);
        var draft = await staff.PostAsJsonAsync($"/api/v1/incidents/{scene.Incident}/warnings", body);
        var warning = (await draft.Content.ReadFromJsonAsync<JsonObject>())!;
        draft.StatusCode.ShouldBe(HttpStatusCode.Created, warning.ToJsonString());
        var coordinator = await ClientForAsync(china, scene.Coordinator);
        (await SendAsync(coordinator, HttpMethod.Post, $"/api/v1/warnings/{warning["id"]}/publication", null, warning["version"]!.ToString())).EnsureSuccessStatusCode();

        var xml = await (await coordinator.GetAsync($"/api/v1/warnings/{warning["id"]}.cap")).Content.ReadAsStringAsync();
        CapSchema.Errors(xml).ShouldBeEmpty();
        var alert = XDocument.Parse(xml).Root!;
        var sent = alert.Element(Cap + "sent")!.Value;
        sent.ShouldEndWith("+08:00");
        (DateTimeOffset.Parse(sent, System.Globalization.CultureInfo.InvariantCulture) - App.Clock.GetUtcNow()).Duration().ShouldBeLessThan(TimeSpan.FromMinutes(1));
        alert.Element(Cap + "sender")!.Value.ShouldBe("warnings.wuhan.example.gov");
        var inChina = expires.ToOffset(TimeSpan.FromHours(8));
        alert.Element(Cap + "info")!.Element(Cap + "expires")!.Value.ShouldBe(inChina.AddTicks(-(inChina.Ticks % TimeSpan.TicksPerSecond)).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
    }

    public static TheoryData<string, string, JsonNode?, string> BadInput => new()
    {
        { "areas", "polygon", new JsonArray(new JsonObject { ["description"] = "Town", ["polygon"] = "30.52,114.28 30.52,114.34 30.56,114.34 30.56,114.28" }), "closed" },
        { "areas", "radius", new JsonArray(new JsonObject { ["description"] = "Levee", ["latitude"] = 30.5, ["longitude"] = 114.3, ["radiusKm"] = 0 }), "more than 0" },
        { "expires", "expires", JsonValue.Create("2000-01-01T00:00:00+00:00"), "future" },
        { "effective", "expires", JsonValue.Create(DateTimeOffset.UtcNow.AddDays(3).ToString("O")), "after it takes effect" },
        { "headline", "headline", JsonValue.Create("Flood <script>alert(1)</script>"), "no markup" },
        { "scope", "recipients", JsonValue.Create("Restricted"), "at least one organisation" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_written(string field, string errorKey, JsonNode? value, string message)
    {
        var scene = await WarningScene.CreateAsync(App);
        var staff = await App.ClientForAsync(scene.Staff);
        var body = scene.Body(App.Clock.GetUtcNow());
        body[field] = value?.DeepClone();

        var response = await staff.PostAsJsonAsync($"/api/v1/incidents/{scene.Incident}/warnings", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        var (key, messages) = errors.Single(e => e.Key.Contains(errorKey, StringComparison.OrdinalIgnoreCase));
        messages!.ToJsonString().ShouldContain(message, Case.Insensitive, $"errors: {errors.ToJsonString()} ({key})");
        await using var db = App.Database.CreateContext();
        (await db.Warnings.CountAsync()).ShouldBe(0);
        (await db.TimelineEvents.CountAsync(e => e.ChainId == scene.Incident)).ShouldBe(0);
    }

    [Fact]
    public async Task Drafts_restricted_and_exercise_warnings_are_not_public_and_restricted_ones_reach_only_the_organisations_named()
    {
        var scene = await WarningScene.CreateAsync(App);
        var now = App.Clock.GetUtcNow();
        var open = await scene.PublishAsync(App, scene.Body(now, "Public flood warning"));
        var restrictedBody = scene.Body(now, "Chemical park neighbours: stay indoors");
        restrictedBody["scope"] = "Restricted";
        restrictedBody["restriction"] = "Neighbours of the chemical park";
        restrictedBody["recipients"] = new JsonArray(JsonValue.Create(scene.Neighbour.OrganisationId));
        var restricted = await scene.PublishAsync(App, restrictedBody);
        var exerciseBody = scene.Body(now, "Drill: flood warning");
        exerciseBody["status"] = "Exercise";
        var exercise = await scene.PublishAsync(App, exerciseBody);
        var draft = (await (await (await App.ClientForAsync(scene.Staff)).PostAsJsonAsync($"/api/v1/incidents/{scene.Incident}/warnings", scene.Body(now, "Draft"))).Content.ReadFromJsonAsync<JsonObject>())!;

        var anonymous = App.CreateClient();
        var neighbour = await App.ClientForAsync(scene.Neighbour);
        var outsider = await App.ClientForAsync(scene.Outsider);
        async Task<HttpStatusCode> Cap(HttpClient client, JsonObject warning) => (await client.GetAsync($"/api/v1/warnings/{warning["id"]}.cap")).StatusCode;

        (await Cap(anonymous, open)).ShouldBe(HttpStatusCode.OK);
        (await Cap(anonymous, restricted)).ShouldBe(HttpStatusCode.NotFound);
        (await Cap(anonymous, exercise)).ShouldBe(HttpStatusCode.NotFound);
        (await Cap(anonymous, draft)).ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync($"/api/v1/warnings/{restricted["id"]}/messages")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Cap(neighbour, restricted)).ShouldBe(HttpStatusCode.OK);
        (await Cap(outsider, restricted)).ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"/api/v1/warnings/{draft["id"]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Cap(outsider, open)).ShouldBe(HttpStatusCode.OK);

        var xml = await (await neighbour.GetAsync($"/api/v1/warnings/{restricted["id"]}.cap")).Content.ReadAsStringAsync();
        CapSchema.Errors(xml).ShouldBeEmpty();
        XDocument.Parse(xml).Root!.Element(CapSchema.Cap + "restriction")!.Value.ShouldBe("Neighbours of the chemical park");
        var exerciseXml = await (await (await App.ClientForAsync(scene.Coordinator)).GetAsync($"/api/v1/warnings/{exercise["id"]}.cap")).Content.ReadAsStringAsync();
        XDocument.Parse(exerciseXml).Root!.Element(CapSchema.Cap + "status")!.Value.ShouldBe("Exercise");

        var neighbourList = (await (await neighbour.GetAsync($"/api/v1/incidents/{scene.Incident}/warnings")).Content.ReadFromJsonAsync<JsonArray>())!;
        neighbourList.Select(w => w!["headline"]!.GetValue<string>()).ShouldBe(["Drill: flood warning", "Chemical park neighbours: stay indoors", "Public flood warning"], ignoreOrder: true);
    }

    [Fact]
    public async Task Publishing_tells_the_organisations_whose_service_area_it_touches_each_only_what_they_may_read()
    {
        var scene = await WarningScene.CreateAsync(App);
        var far = await App.CreateAsync(Roles.AgencyStaff);
        await using (var db = App.Database.CreateContext())
        {
            // The neighbour and the outsider serve the levee (8 km from their centre reaches the 5 km circle); the other, Beijing.
            foreach (var (organisation, area) in new[]
            {
                (scene.Neighbour.OrganisationId, new ServiceArea(30.55, 114.35, 8)),
                (scene.Outsider.OrganisationId, new ServiceArea(30.45, 114.25, 8)),
                (far.OrganisationId, new ServiceArea(39.9, 116.4, 50)),
            })
            {
                (await db.Organisations.SingleAsync(o => o.Id == organisation)).SetServiceArea(area);
            }

            await db.SaveChangesAsync();
        }

        var now = App.Clock.GetUtcNow();
        var open = await scene.PublishAsync(App, scene.Body(now, "Public flood warning"));
        var restrictedBody = scene.Body(now, "Chemical park neighbours: stay indoors");
        restrictedBody["scope"] = "Restricted";
        restrictedBody["restriction"] = "Neighbours of the chemical park";
        restrictedBody["recipients"] = new JsonArray(JsonValue.Create(scene.Neighbour.OrganisationId));
        var restricted = await scene.PublishAsync(App, restrictedBody);

        await using var read = App.Database.CreateContext();
        async Task<List<string>> TitlesFor(Actor actor) => await read.Notifications.AsNoTracking()
            .Where(n => n.UserId == actor.UserId && n.Kind == NotificationKind.WarningInArea).OrderBy(n => n.Title).Select(n => n.Title).ToListAsync();
        (await TitlesFor(scene.Neighbour)).ShouldBe(["Warning in your area: Chemical park neighbours: stay indoors", "Warning in your area: Public flood warning"]);
        (await TitlesFor(scene.Outsider)).ShouldBe(["Warning in your area: Public flood warning"], "the restricted warning does not name it, so it is not told of it");
        (await TitlesFor(far)).ShouldBeEmpty("its area is far from the warning's");
        (await read.Notifications.AsNoTracking().Where(n => n.UserId == scene.Neighbour.UserId && n.Kind == NotificationKind.WarningInArea).Select(n => n.Link).ToListAsync())
            .ShouldBe([$"/Warnings/{open["id"]}", $"/Warnings/{restricted["id"]}"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_cap_document_is_served_as_cap_xml_and_answers_not_modified_to_its_entity_tag()
    {
        var scene = await WarningScene.CreateAsync(App);
        var warning = await scene.PublishAsync(App, scene.Body(App.Clock.GetUtcNow()));
        var anonymous = App.CreateClient();

        var first = await anonymous.GetAsync($"/api/v1/warnings/{warning["id"]}.cap");
        first.Content.Headers.ContentType!.MediaType.ShouldBe("application/cap+xml");
        var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/warnings/{warning["id"]}.cap");
        again.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.Tag);

        (await anonymous.SendAsync(again)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task Closing_the_incident_expires_its_live_warnings_with_an_update_in_the_same_transaction()
    {
        var scene = await WarningScene.CreateAsync(App);
        var warning = await scene.PublishAsync(App, scene.Body(App.Clock.GetUtcNow()));
        var coordinator = await App.ClientForAsync(scene.Coordinator);
        var incident = await coordinator.GetAsync($"/api/v1/incidents/{scene.Incident}");

        var close = await SendAsync(coordinator, HttpMethod.Post, $"/api/v1/incidents/{scene.Incident}/transitions",
            new JsonObject { ["to"] = "Closed", ["reason"] = "Water below the warning level" }, incident.Headers.ETag!.Tag.Trim('"'));
        close.StatusCode.ShouldBe(HttpStatusCode.OK);

        var view = (await (await coordinator.GetAsync($"/api/v1/warnings/{warning["id"]}")).Content.ReadFromJsonAsync<JsonObject>())!;
        view["warning"]!["state"]!.GetValue<string>().ShouldBe("Expired");
        var messages = view["messages"]!["messages"]!.AsArray();
        messages.Count.ShouldBe(2);
        var last = messages[1]!["xml"]!.GetValue<string>();
        CapSchema.Errors(last).ShouldBeEmpty();
        var alert = XDocument.Parse(last).Root!;
        alert.Element(Cap + "msgType")!.Value.ShouldBe("Update");
        alert.Element(Cap + "info")!.Element(Cap + "expires")!.Value.ShouldBe(alert.Element(Cap + "sent")!.Value);
        var feed = XDocument.Parse(await (await App.CreateClient().GetAsync("/warnings/feed.atom")).Content.ReadAsStringAsync());
        feed.Root!.Elements(Atom + "entry").ShouldBeEmpty();

        await using var db = App.Database.CreateContext();
        var transition = await db.TimelineEvents.Where(e => e.ChainId == scene.Incident).OrderBy(e => e.Sequence).LastAsync();
        transition.Action.ShouldBe("TransitionIncident");
        transition.Payload.ShouldContain("\"WarningMessage\"");
    }

    [Fact]
    public async Task Issued_messages_cannot_be_changed_or_removed_by_the_application_role()
    {
        var scene = await WarningScene.CreateAsync(App);
        await scene.PublishAsync(App, scene.Body(App.Clock.GetUtcNow()));

        await using var connection = new NpgsqlConnection(App.Database.AppConnectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE warning_messages SET xml = '<alert/>'", connection);
        await Should.ThrowAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        await using var delete = new NpgsqlCommand("DELETE FROM warning_messages", connection);
        await Should.ThrowAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task Staff_cannot_publish_alone_unless_configured_and_then_only_for_grave_incidents_in_warning()
    {
        var scene = await WarningScene.CreateAsync(App);
        var staff = await App.ClientForAsync(scene.Staff);
        var draft = (await (await staff.PostAsJsonAsync($"/api/v1/incidents/{scene.Incident}/warnings", scene.Body(App.Clock.GetUtcNow()))).Content.ReadFromJsonAsync<JsonObject>())!;
        var publish = $"/api/v1/warnings/{draft["id"]}/publication";

        (await SendAsync(staff, HttpMethod.Post, publish, null, draft["version"]!.ToString())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var urgent = App.WithWebHostBuilder(b => b.UseSetting("Warnings:DrafterMayPublishAloneUpToGrade", "II"));
        var alone = await ClientForAsync(urgent, scene.Staff);
        (await SendAsync(alone, HttpMethod.Post, publish, null, draft["version"]!.ToString())).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_feed_is_atom_with_one_entry_per_public_warning_linking_its_cap_document_filtered_by_area_and_conditional()
    {
        var scene = await WarningScene.CreateAsync(App);
        var now = App.Clock.GetUtcNow();
        var levee = await scene.PublishAsync(App, scene.Body(now, "Levee warning"));
        var far = scene.Body(now, "Mountain warning");
        far["areas"] = new JsonArray(new JsonObject { ["description"] = "Shennongjia", ["latitude"] = 31.7, ["longitude"] = 110.7, ["radiusKm"] = 20 });
        var mountain = await scene.PublishAsync(App, far);
        var anonymous = App.CreateClient();

        var response = await anonymous.GetAsync("/warnings/feed.atom");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/atom+xml");
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        feed.Name.ShouldBe(Atom + "feed");
        feed.Element(Atom + "id").ShouldNotBeNull();
        feed.Element(Atom + "updated").ShouldNotBeNull();
        var entries = feed.Elements(Atom + "entry").ToList();
        entries.Select(e => e.Element(Atom + "title")!.Value).ShouldBe(["Levee warning", "Mountain warning"], ignoreOrder: true);
        foreach (var entry in entries)
        {
            var cap = entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("type") == "application/cap+xml");
            var capResponse = await anonymous.GetAsync(new Uri(cap.Attribute("href")!.Value).PathAndQuery);
            capResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
            CapSchema.Errors(await capResponse.Content.ReadAsStringAsync()).ShouldBeEmpty();
        }

        var near = XDocument.Parse(await anonymous.GetStringAsync("/warnings/feed.atom?area=30.55,114.35,3")).Root!;
        near.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).ShouldBe([$"urn:uuid:{levee["id"]}"]);
        var nowhere = XDocument.Parse(await anonymous.GetStringAsync("/warnings/feed.atom?area=40,100,10")).Root!;
        nowhere.Elements(Atom + "entry").ShouldBeEmpty();
        mountain["id"].ShouldNotBeNull();

        var conditional = new HttpRequestMessage(HttpMethod.Get, "/warnings/feed.atom?area=30.55,114.35,3");
        var tagged = await anonymous.GetAsync("/warnings/feed.atom?area=30.55,114.35,3");
        conditional.Headers.TryAddWithoutValidation("If-None-Match", tagged.Headers.ETag!.Tag);
        (await anonymous.SendAsync(conditional)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Theory]
    [InlineData("30.5,114.3", "latitude,longitude,radius")]
    [InlineData("north,114.3,5", "not a number")]
    [InlineData("95,114.3,5", "between -90 and 90")]
    [InlineData("30.5,114.3,0", "more than 0")]
    [InlineData("30.5,114.3,NaN", "not a number")]
    public async Task A_bad_area_filter_is_a_problem_naming_it_never_a_server_error(string area, string message)
    {
        var response = await App.CreateClient().GetAsync($"/warnings/feed.atom?area={Uri.EscapeDataString(area)}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        problem["errors"]!["area"]!.ToJsonString().ShouldContain(message);
    }

    [Fact]
    public async Task The_public_page_shows_warnings_in_force_to_anyone_and_drops_a_cancelled_one_at_once()
    {
        var scene = await WarningScene.CreateAsync(App);
        var warning = await scene.PublishAsync(App, scene.Body(App.Clock.GetUtcNow(), "Flood warning for Dongshan <b>town</b>".Replace("<b>", "", StringComparison.Ordinal).Replace("</b>", "", StringComparison.Ordinal)));
        var anonymous = App.CreateClient();

        var page = await anonymous.GetAsync("/warnings");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("Flood warning for Dongshan town");
        // Served from the output cache: a change that issued no message (made behind the portal's back) is not seen yet.
        await App.Database.ExecuteAsync("UPDATE warnings SET headline = 'Changed behind the cache'");
        (await anonymous.GetStringAsync("/warnings")).ShouldContain("Flood warning for Dongshan town");

        var coordinator = await App.ClientForAsync(scene.Coordinator);
        var version = (await coordinator.GetAsync($"/api/v1/warnings/{warning["id"]}")).Headers.ETag!.Tag;
        (await SendAsync(coordinator, HttpMethod.Post, $"/api/v1/warnings/{warning["id"]}/cancellation", new JsonObject { ["reason"] = "All clear" }, version))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var after = await anonymous.GetStringAsync("/warnings");
        after.ShouldNotContain("Flood warning for Dongshan town");
        after.ShouldNotContain("Changed behind the cache");
    }

    [Fact]
    public async Task A_signed_in_browser_reads_a_restricted_cap_document_with_its_cookie()
    {
        var scene = await WarningScene.CreateAsync(App);
        var body = scene.Body(App.Clock.GetUtcNow(), "Neighbours only");
        body["scope"] = "Restricted";
        body["restriction"] = "Neighbours of the chemical park";
        body["recipients"] = new JsonArray(JsonValue.Create(scene.Neighbour.OrganisationId));
        var warning = await scene.PublishAsync(App, body);

        var neighbour = await PageClient.SignedInAsync(App, scene.Neighbour);
        var outsider = await PageClient.SignedInAsync(App, scene.Outsider);

        (await neighbour.Http.GetAsync($"/api/v1/warnings/{warning["id"]}.cap")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await outsider.Http.GetAsync($"/api/v1/warnings/{warning["id"]}.cap")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")]
    private static partial Regex CapTime();

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, JsonObject? body, string version)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version.Trim('"')}\"");
        return await client.SendAsync(request);
    }

    private static async Task<HttpClient> ClientForAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, Actor actor)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = actor.Email, password = actor.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
