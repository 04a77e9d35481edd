using System.Net;
using System.Net.Http.Json;
using System.Text;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisCoord.IntegrationTests.Features.Security;

/// <summary>
/// Every API endpoint, called by everyone who might try it: anonymous; each role in an organisation taking
/// part in the incident; each role in one that does not; a private citizen; a member of a citizens' group
/// taking part; and an auditor. The expected answer of every cell is written here by hand from
/// docs/authorization.md, not derived from the code. A new endpoint with no row fails the test.
/// </summary>
/// <remarks>
/// Writes are sent with bodies that pass binding but fail validation, and with a stale If-Match, so a call the
/// gate lets through changes nothing that the next cell depends on: the gate runs before validation.
/// Letters: A got past the gate (2xx, 400, 409, 412), F 403, N 404, U 401.
/// </remarks>
public sealed class AuthorizationMatrixTests(CrisisCoordApp app) : AppTest(app)
{
    // Columns: anonymous | taking part: Administrator Coordinator AgencyStaff ResourceManager Auditor Citizen
    //          | not taking part: the same six | private citizen | group member | auditor
    private const string Everyone = "U AAAAAA AAAAAA A A A";
    private const string Public = "A AAAAAA AAAAAA A A A";
    private const string Administrators = "U AFFFFF AFFFFF F F F";
    private const string Overseers = "U AFFFAF AFFFAF F F A";
    private const string SeesDetail = "U AAAAAA AFFFAF F A A";
    private const string Coordinates = "U FAFFFF FFFFFF F F F";
    private const string TakesPart = "U FAAAFA FFFFFF F A F";
    private const string ReportsIncidents = "U FAAFFA FAAFFA A A F";
    private const string AsksToJoinIncident = "U FAAAFA FAAAFA F A F";
    private const string SeesIt = "U AAAAAA ANNNAN N A A";
    private const string CoordinatesIt = "U FAFFFF FNNNFN N F F";
    private const string WorksOnIt = "U FAAAFA FNNNFN N A F";
    private const string Holds = "U FAAAFA FNNNFN N F F";
    private const string OwnResources = "U FFFAFF FFFAFF F F F";
    private const string ThisResource = "U FFFAFF FFFFFF F F F";
    private const string DraftsWarnings = "U FAAFFF FFFFFF F F F";
    private const string EditsDraft = "U FAAFFF FNNNFN N F F";

    private sealed record Row(string Path, Func<AuthorizationScene, HttpContent?>? Body = null);

    private static HttpContent Json(object body) => JsonContent.Create(body);

    /// <summary>The table: endpoint (as routed) → the path to call, what to send, and the expected answers.</summary>
    private static readonly Dictionary<string, (Func<AuthorizationScene, string> Path, Func<AuthorizationScene, HttpContent?>? Body, string Expected)> Table = new()
    {
        ["POST /api/v1/auth/token"] = (_ => "/api/v1/auth/token", null, Public),
        ["POST /api/v1/auth/refresh"] = (_ => "/api/v1/auth/refresh", null, Public),
        ["POST /api/v1/auth/registrations"] = (_ => "/api/v1/auth/registrations", null, Public),
        ["POST /api/v1/auth/email-confirmations"] = (_ => "/api/v1/auth/email-confirmations", null, Public),
        ["POST /api/v1/auth/password-reset-requests"] = (_ => "/api/v1/auth/password-reset-requests", null, Public),
        ["POST /api/v1/auth/password-resets"] = (_ => "/api/v1/auth/password-resets", null, Public),
        ["GET /api/v1/me/capabilities"] = (_ => "/api/v1/me/capabilities", null, Everyone),
        ["GET /api/v1/me/preferences"] = (_ => "/api/v1/me/preferences", null, Everyone),
        ["PUT /api/v1/me/preferences"] = (_ => "/api/v1/me/preferences", _ => Json(new { language = "en" }), Everyone),
        ["GET /api/v1/me/sessions"] = (_ => "/api/v1/me/sessions", null, Everyone),
        // No such session of theirs: everyone signed in gets past the gate and finds none.
        ["DELETE /api/v1/me/sessions/{sessionId:guid}"] = (_ => $"/api/v1/me/sessions/{Guid.NewGuid()}", null, "U NNNNNN NNNNNN N N N"),
        ["GET /api/v1/me/tokens"] = (_ => "/api/v1/me/tokens", null, Everyone),
        ["POST /api/v1/me/tokens"] = (_ => "/api/v1/me/tokens", _ => Json(new { name = "" }), Everyone),
        // No such token of theirs: everyone signed in gets past the gate and finds none.
        ["DELETE /api/v1/me/tokens/{tokenId:guid}"] = (_ => $"/api/v1/me/tokens/{Guid.NewGuid()}", null, "U NNNNNN NNNNNN N N N"),
        ["GET /api/v1/me/notifications"] = (_ => "/api/v1/me/notifications", null, Everyone),
        // No such notification of theirs: everyone signed in gets past the gate and finds none.
        ["POST /api/v1/me/notifications/{id:guid}/read"] = (_ => $"/api/v1/me/notifications/{Guid.NewGuid()}/read", null, "U NNNNNN NNNNNN N N N"),
        ["POST /api/v1/me/notifications/read"] = (_ => "/api/v1/me/notifications/read", null, Everyone),
        ["GET /api/v1/me/notification-preferences"] = (_ => "/api/v1/me/notification-preferences", null, Everyone),
        ["PUT /api/v1/me/notification-preferences"] = (_ => "/api/v1/me/notification-preferences", _ => Json(new { preferences = Array.Empty<object>() }), Everyone),

        ["GET /api/v1/audit/events"] = (_ => "/api/v1/audit/events", null, Everyone),
        ["GET /api/v1/audit/events.csv"] = (_ => "/api/v1/audit/events.csv", null, Everyone),
        ["GET /api/v1/audit/chains"] = (_ => "/api/v1/audit/chains", null, Overseers),
        ["GET /api/v1/audit/chains/{chain}/verify"] = (s => $"/api/v1/audit/chains/{s.Incident}/verify", null, Overseers),
        ["POST /api/v1/audit/chains/{chain}/verify"] = (s => $"/api/v1/audit/chains/{s.Incident}/verify",
            s => Json(new { chain = s.Incident.ToString(), sequence = 1, hash = "00", takenAt = DateTimeOffset.UtcNow, keyId = "k", algorithm = "ES256", signature = "00" }), Overseers),
        ["GET /api/v1/audit/checkpoints"] = (_ => "/api/v1/audit/checkpoints", null, Overseers),
        ["POST /api/v1/audit/checkpoints"] = (_ => "/api/v1/audit/checkpoints", null, Overseers),
        ["GET /api/v1/audit/checkpoint-key"] = (_ => "/api/v1/audit/checkpoint-key", null, Everyone),

        ["GET /api/v1/charters"] = (_ => "/api/v1/charters", null, Everyone),
        ["PUT /api/v1/charters/entries"] = (_ => "/api/v1/charters/entries", null, Administrators),
        ["GET /api/v1/charters/changes"] = (_ => "/api/v1/charters/changes", null, Overseers),

        ["POST /api/v1/incidents"] = (_ => "/api/v1/incidents", null, ReportsIncidents),
        ["GET /api/v1/incidents"] = (_ => "/api/v1/incidents", null, Everyone),
        ["GET /api/v1/incidents/{id:guid}"] = (s => $"/api/v1/incidents/{s.Incident}", null, Everyone),
        ["POST /api/v1/incidents/{id:guid}/transitions"] = (s => $"/api/v1/incidents/{s.Incident}/transitions", null, Coordinates),
        ["PUT /api/v1/incidents/{id:guid}/severity"] = (s => $"/api/v1/incidents/{s.Incident}/severity", null, Coordinates),
        ["PUT /api/v1/incidents/{id:guid}/lead"] = (s => $"/api/v1/incidents/{s.Incident}/lead", null, Coordinates),
        ["GET /api/v1/incidents/{id:guid}/participants"] = (s => $"/api/v1/incidents/{s.Incident}/participants", null, Everyone),
        ["POST /api/v1/incidents/{id:guid}/participants"] = (s => $"/api/v1/incidents/{s.Incident}/participants", null, Coordinates),
        ["POST /api/v1/incidents/{id:guid}/participants/requests"] = (s => $"/api/v1/incidents/{s.Incident}/participants/requests", null, AsksToJoinIncident),
        ["GET /api/v1/incidents/{id:guid}/sitreps"] = (s => $"/api/v1/incidents/{s.Incident}/sitreps", null, SeesDetail),
        ["POST /api/v1/incidents/{id:guid}/sitreps"] = (s => $"/api/v1/incidents/{s.Incident}/sitreps", null, TakesPart),
        ["POST /api/v1/incidents/{id:guid}/log"] = (s => $"/api/v1/incidents/{s.Incident}/log", null, TakesPart),
        ["GET /api/v1/incidents/{id:guid}/balance"] = (s => $"/api/v1/incidents/{s.Incident}/balance", null, SeesDetail),
        ["GET /api/v1/incidents/{id:guid}/obligations"] = (s => $"/api/v1/incidents/{s.Incident}/obligations", null, SeesDetail),
        ["GET /api/v1/incidents/{incidentId:guid}/objectives"] = (s => $"/api/v1/incidents/{s.Incident}/objectives", null, SeesDetail),
        ["POST /api/v1/incidents/{incidentId:guid}/objectives"] = (s => $"/api/v1/incidents/{s.Incident}/objectives", null, Coordinates),
        ["GET /api/v1/incidents/{incidentId:guid}/tasks"] = (s => $"/api/v1/incidents/{s.Incident}/tasks", null, SeesDetail),
        ["POST /api/v1/incidents/{incidentId:guid}/tasks"] = (s => $"/api/v1/incidents/{s.Incident}/tasks", null, Coordinates),
        ["GET /api/v1/incidents/{incidentId:guid}/resource-requests"] = (s => $"/api/v1/incidents/{s.Incident}/resource-requests", null, SeesDetail),
        ["POST /api/v1/incidents/{incidentId:guid}/resource-requests"] = (s => $"/api/v1/incidents/{s.Incident}/resource-requests", null, Coordinates),
        ["POST /api/v1/incidents/{incidentId:guid}/offers"] = (s => $"/api/v1/incidents/{s.Incident}/offers", null, TakesPart),
        ["GET /api/v1/incidents/{incidentId:guid}/edxl-rm"] = (s => $"/api/v1/incidents/{s.Incident}/edxl-rm", null, SeesDetail),

        // The review of an open incident: its coordinators and overseers read the draft; the lead's signature is too early (409).
        ["GET /api/v1/incidents/{id:guid}/review"] = (s => $"/api/v1/incidents/{s.Incident}/review", null, "U AAFFAF AFFFAF F F A"),
        ["POST /api/v1/incidents/{id:guid}/review/lessons"] = (s => $"/api/v1/incidents/{s.Incident}/review/lessons", null, Coordinates),
        ["POST /api/v1/incidents/{id:guid}/review/comments"] = (s => $"/api/v1/incidents/{s.Incident}/review/comments", null, "U FFFFAF FFFFAF F F A"),
        ["POST /api/v1/incidents/{id:guid}/review/signature"] = (s => $"/api/v1/incidents/{s.Incident}/review/signature", null, Coordinates),

        ["PUT /api/v1/incidents/{id:guid}/details"] = (s => $"/api/v1/incidents/{s.Incident}/details", null, Coordinates),
        ["POST /api/v1/incidents/{id:guid}/merge"] = (s => $"/api/v1/incidents/{s.Incident}/merge", null, Coordinates),
        ["GET /api/v1/incidents/{id:guid}/links"] = (s => $"/api/v1/incidents/{s.Incident}/links", null, Everyone),
        ["POST /api/v1/incidents/{id:guid}/links"] = (s => $"/api/v1/incidents/{s.Incident}/links", null, Coordinates),
        // No such link: a coordinator gets past the gate and finds none.
        ["DELETE /api/v1/incidents/{id:guid}/links/{linkId:guid}"] = (s => $"/api/v1/incidents/{s.Incident}/links/{Guid.NewGuid()}", null, "U FNFFFF FFFFFF F F F"),
        ["GET /api/v1/incidents/{id:guid}/reports"] = (s => $"/api/v1/incidents/{s.Incident}/reports", null, SeesDetail),
        // Multipart with an empty title: those who may report get past the gate to the validator.
        ["POST /api/v1/reports"] = (_ => "/api/v1/reports", _ => new MultipartFormDataContent { { new StringContent(""), "title" } }, ReportsIncidents),
        ["GET /api/v1/me/reports"] = (_ => "/api/v1/me/reports", null, Everyone),
        ["GET /api/v1/photos/{id:guid}"] = (s => $"/api/v1/photos/{s.Photo}", null, SeesIt),
        // Check-ins: the private citizen's own, and the incident's coordinators; nobody else knows of one (ADR 0031).
        ["POST /api/v1/incidents/{incidentId:guid}/check-ins"] = (s => $"/api/v1/incidents/{s.Incident}/check-ins", null, "U AAAAFA AAAAFA A A F"),
        ["GET /api/v1/incidents/{incidentId:guid}/check-ins"] = (s => $"/api/v1/incidents/{s.Incident}/check-ins", null, Coordinates),
        ["GET /api/v1/me/check-ins"] = (_ => "/api/v1/me/check-ins", null, Everyone),
        ["GET /api/v1/check-ins/{id:guid}"] = (s => $"/api/v1/check-ins/{s.CheckIn}", null, "U NANNNN NNNNNN A N N"),
        ["PUT /api/v1/check-ins/{id:guid}"] = (s => $"/api/v1/check-ins/{s.CheckIn}", null, "U NFNNNN NNNNNN A N N"),
        // An organisation that does not exist: past the gate, the task is refused by validation and nothing is made.
        ["POST /api/v1/check-ins/{id:guid}/task"] = (s => $"/api/v1/check-ins/{s.CheckIn}/task", _ => Json(new { assignedOrganisationId = Guid.NewGuid() }), "U NANNNN NNNNNN F N N"),

        // Damage assessments: recorded by those taking part; requests and tasks made of them by coordinators, whose bodies
        // (an organisation or a time that cannot be) are refused by validation past the gate, so nothing is made.
        ["GET /api/v1/incidents/{incidentId:guid}/assessments"] = (s => $"/api/v1/incidents/{s.Incident}/assessments", null, SeesDetail),
        ["GET /api/v1/incidents/{incidentId:guid}/assessments/totals"] = (s => $"/api/v1/incidents/{s.Incident}/assessments/totals", null, SeesDetail),
        ["POST /api/v1/incidents/{incidentId:guid}/assessments"] = (s => $"/api/v1/incidents/{s.Incident}/assessments", null, TakesPart),
        ["POST /api/v1/incidents/{incidentId:guid}/assessments/{id:guid}/task"] = (s => $"/api/v1/incidents/{s.Incident}/assessments/{Guid.NewGuid()}/task", _ => Json(new { assignedOrganisationId = Guid.NewGuid() }), Coordinates),
        ["POST /api/v1/incidents/{incidentId:guid}/assessments/needs/{needId:guid}/request"] = (s => $"/api/v1/incidents/{s.Incident}/assessments/needs/{Guid.NewGuid()}/request", _ => Json(new { neededBy = "2000-01-01T00:00:00Z" }), Coordinates),

        // Recovery projects and shelters: started by coordinators (the scene's incident is in response: 409 past the gate), opened
        // and handed out by those taking part; a project or shelter by an id that does not exist is found by nobody.
        ["GET /api/v1/incidents/{incidentId:guid}/recovery-projects"] = (s => $"/api/v1/incidents/{s.Incident}/recovery-projects", null, SeesDetail),
        ["POST /api/v1/incidents/{incidentId:guid}/recovery-projects"] = (s => $"/api/v1/incidents/{s.Incident}/recovery-projects", null, Coordinates),
        ["GET /api/v1/recovery-projects/{id:guid}"] = (_ => $"/api/v1/recovery-projects/{Guid.NewGuid()}", null, "U NNNNNN NNNNNN N N N"),
        ["PUT /api/v1/recovery-projects/{id:guid}"] = (_ => $"/api/v1/recovery-projects/{Guid.NewGuid()}", null, "U NNNNNN NNNNNN N N N"),
        ["POST /api/v1/recovery-projects/{id:guid}/milestones"] = (_ => $"/api/v1/recovery-projects/{Guid.NewGuid()}/milestones", null, "U NNNNNN NNNNNN N N N"),
        ["PUT /api/v1/recovery-projects/{id:guid}/milestones/{milestoneId:guid}"] = (_ => $"/api/v1/recovery-projects/{Guid.NewGuid()}/milestones/{Guid.NewGuid()}", null, "U NNNNNN NNNNNN N N N"),
        ["GET /api/v1/incidents/{incidentId:guid}/shelters"] = (s => $"/api/v1/incidents/{s.Incident}/shelters", null, SeesDetail),
        ["POST /api/v1/incidents/{incidentId:guid}/shelters"] = (s => $"/api/v1/incidents/{s.Incident}/shelters", null, TakesPart),
        ["PUT /api/v1/shelters/{id:guid}/occupancy"] = (_ => $"/api/v1/shelters/{Guid.NewGuid()}/occupancy", null, "U NNNNNN NNNNNN N N N"),
        ["POST /api/v1/incidents/{incidentId:guid}/distributions"] = (s => $"/api/v1/incidents/{s.Incident}/distributions", null, TakesPart),

        ["POST /api/v1/objectives/{id:guid}/progress"] = (s => $"/api/v1/objectives/{s.Objective}/progress", null, WorksOnIt),
        ["POST /api/v1/objectives/{id:guid}/waive"] = (s => $"/api/v1/objectives/{s.Objective}/waive", null, CoordinatesIt),

        ["GET /api/v1/tasks/mine"] = (_ => "/api/v1/tasks/mine", null, Everyone),
        ["GET /api/v1/tasks/{id:guid}"] = (s => $"/api/v1/tasks/{s.Task}", null, SeesIt),
        ["POST /api/v1/tasks/{id:guid}/assign"] = (s => $"/api/v1/tasks/{s.Task}/assign", null, CoordinatesIt),
        ["POST /api/v1/tasks/{id:guid}/cancel"] = (s => $"/api/v1/tasks/{s.Task}/cancel", null, CoordinatesIt),
        ["POST /api/v1/tasks/{id:guid}/accept"] = (s => $"/api/v1/tasks/{s.Task}/accept", null, Holds),
        ["POST /api/v1/tasks/{id:guid}/decline"] = (s => $"/api/v1/tasks/{s.Task}/decline", null, Holds),
        ["POST /api/v1/tasks/{id:guid}/start"] = (s => $"/api/v1/tasks/{s.Task}/start", null, Holds),
        ["POST /api/v1/tasks/{id:guid}/complete"] = (s => $"/api/v1/tasks/{s.Task}/complete", null, Holds),
        ["POST /api/v1/tasks/{id:guid}/claim"] = (s => $"/api/v1/tasks/{s.Task}/claim", null, WorksOnIt),

        ["GET /api/v1/resource-requests"] = (_ => "/api/v1/resource-requests", null, "U AAFFAF AAFFAF F F A"),
        ["GET /api/v1/resource-requests/mine"] = (_ => "/api/v1/resource-requests/mine", null, Everyone),
        ["GET /api/v1/resource-requests/{id:guid}"] = (s => $"/api/v1/resource-requests/{s.Request}", null, SeesIt),
        ["GET /api/v1/resource-requests/{id:guid}/edxl-rm"] = (s => $"/api/v1/resource-requests/{s.Request}/edxl-rm", null, SeesIt),
        ["GET /api/v1/resource-requests/{id:guid}/candidates"] = (s => $"/api/v1/resource-requests/{s.Request}/candidates", null, CoordinatesIt),
        ["POST /api/v1/resource-requests/{id:guid}/addressees"] = (s => $"/api/v1/resource-requests/{s.Request}/addressees", null, CoordinatesIt),
        ["POST /api/v1/resource-requests/{id:guid}/close"] = (s => $"/api/v1/resource-requests/{s.Request}/close", null, CoordinatesIt),
        // The city holds water and takes part; the group takes part but holds none and was not asked.
        ["POST /api/v1/resource-requests/{id:guid}/responses"] = (s => $"/api/v1/resource-requests/{s.Request}/responses", null, Holds),
        ["POST /api/v1/resource-requests/{id:guid}/commitments"] = (s => $"/api/v1/resource-requests/{s.Request}/commitments", s => Json(new { offerId = s.Offer, quantity = 0 }), CoordinatesIt),
        ["POST /api/v1/offers/{id:guid}/commitments"] = (s => $"/api/v1/offers/{s.Offer}/commitments", _ => Json(new { quantity = 0 }), CoordinatesIt),
        ["POST /api/v1/commitments/{id:guid}/status"] = (s => $"/api/v1/commitments/{s.Commitment}/status", null, Holds),

        ["POST /api/v1/incidents/{incidentId:guid}/warnings"] = (s => $"/api/v1/incidents/{s.Incident}/warnings", null, DraftsWarnings),
        ["GET /api/v1/incidents/{incidentId:guid}/warnings"] = (s => $"/api/v1/incidents/{s.Incident}/warnings", null, Everyone),
        ["GET /api/v1/warnings/{id:guid}"] = (s => $"/api/v1/warnings/{s.Warning}", null, SeesIt),
        ["PUT /api/v1/warnings/{id:guid}"] = (s => $"/api/v1/warnings/{s.Warning}", null, EditsDraft),
        ["POST /api/v1/warnings/{id:guid}/publication"] = (s => $"/api/v1/warnings/{s.Warning}/publication", null, CoordinatesIt),
        ["POST /api/v1/warnings/{id:guid}/cancellation"] = (s => $"/api/v1/warnings/{s.Warning}/cancellation", null, CoordinatesIt),
        // Restricted to the village committee: it reads it though it takes no part; the anonymous never do.
        ["GET /api/v1/warnings/{id:guid}.cap"] = (s => $"/api/v1/warnings/{s.RestrictedWarning}.cap", null, "N AAAAAA AAAAAA N A A"),
        ["GET /api/v1/warnings/{id:guid}/messages"] = (s => $"/api/v1/warnings/{s.RestrictedWarning}/messages", null, "N AAAAAA AAAAAA N A A"),

        ["GET /api/v1/dashboard"] = (_ => "/api/v1/dashboard", null, Everyone),
        ["GET /api/v1/dashboard/map"] = (_ => "/api/v1/dashboard/map?west=-180&south=-80&east=180&north=80&zoom=2", null, Everyone),
        ["GET /api/v1/organisations"] = (_ => "/api/v1/organisations", null, Everyone),
        ["POST /api/v1/organisations"] = (_ => "/api/v1/organisations", null, Administrators),
        ["GET /api/v1/organisations/{id:guid}"] = (s => $"/api/v1/organisations/{s.City}", null, Everyone),
        ["PUT /api/v1/organisations/{id:guid}"] = (s => $"/api/v1/organisations/{s.City}", null, Administrators),
        ["GET /api/v1/organisations/{id:guid}/obligations"] = (s => $"/api/v1/organisations/{s.City}/obligations", null, "U AAAAAA AAFFAF F F A"),
        ["POST /api/v1/organisations/{id:guid}/membership-requests"] = (s => $"/api/v1/organisations/{s.Group}/membership-requests", null, "U FFFFFF FFFFFF A F F"),
        ["POST /api/v1/organisations/{id:guid}/volunteers"] = (s => $"/api/v1/organisations/{s.Group}/volunteers", null, "U FFFFFF FFFFFF A F F"),
        ["POST /api/v1/organisations/{id:guid}/membership-requests/{requestId:guid}/admit"] =
            (s => $"/api/v1/organisations/{s.Group}/membership-requests/{s.DeclinedMembership}/admit", null, Administrators),
        ["POST /api/v1/organisations/{id:guid}/membership-requests/{requestId:guid}/decline"] =
            (s => $"/api/v1/organisations/{s.Group}/membership-requests/{s.DeclinedMembership}/decline", null, Administrators),
        ["POST /api/v1/users"] = (_ => "/api/v1/users", null, Administrators),
        // Nobody by that id: an administrator gets past the gate and finds no one, so no scene account is disabled.
        ["POST /api/v1/users/{userId:guid}/disable"] = (_ => $"/api/v1/users/{Guid.NewGuid()}/disable", null, "U NFFFFF NFFFFF F F F"),
        ["POST /api/v1/users/{userId:guid}/enable"] = (_ => $"/api/v1/users/{Guid.NewGuid()}/enable", null, "U NFFFFF NFFFFF F F F"),

        ["GET /api/v1/resource-types"] = (_ => "/api/v1/resource-types", null, Everyone),
        ["POST /api/v1/resource-types"] = (_ => "/api/v1/resource-types", null, Administrators),
        ["GET /api/v1/resources"] = (_ => "/api/v1/resources", null, Everyone),
        ["POST /api/v1/resources"] = (_ => "/api/v1/resources", null, OwnResources),
        ["POST /api/v1/resources/import"] = (_ => "/api/v1/resources/import", _ => new StringContent("not,an\ninventory", Encoding.UTF8, "text/csv"), OwnResources),
        ["GET /api/v1/resources/{id:guid}"] = (s => $"/api/v1/resources/{s.Resource}", null, Everyone),
        ["PUT /api/v1/resources/{id:guid}"] = (s => $"/api/v1/resources/{s.Resource}", null, ThisResource),
        ["POST /api/v1/resources/{id:guid}/confirm"] = (s => $"/api/v1/resources/{s.Resource}/confirm", null, ThisResource),

        // Both end sessions: each cell signs in afresh, and ending every session comes last of all.
        ["POST /api/v1/auth/sign-out"] = (_ => "/api/v1/auth/sign-out", null, Everyone),
        ["POST /api/v1/auth/sign-out-everywhere"] = (_ => "/api/v1/auth/sign-out-everywhere", null, Everyone),
    };

    [Fact]
    public void Every_api_endpoint_has_a_row_and_every_row_an_endpoint()
    {
        var routed = ApiEndpoints();

        routed.Except(Table.Keys).ShouldBeEmpty("these endpoints have no row in the authorization matrix");
        Table.Keys.Except(routed).ShouldBeEmpty("these rows name no endpoint");
    }

    [Fact]
    public async Task Every_cell_answers_as_the_table_says_and_nothing_unexpected_succeeds()
    {
        var scene = await AuthorizationScene.CreateAsync(App);
        var clients = new List<(string Name, HttpClient Client)>();
        foreach (var (name, actor) in scene.Columns)
        {
            clients.Add((name, actor is null ? App.CreateClient() : await App.ClientForAsync(actor)));
        }

        var cells = await MatrixRun.CheckAsync(
            Table.Select(r => (r.Key, r.Value.Expected)),
            [.. clients.Select(c => c.Name)],
            async (endpoint, column) =>
            {
                var (path, body, _) = Table[endpoint];
                var method = new HttpMethod(endpoint[..endpoint.IndexOf(' ')]);
                var request = new HttpRequestMessage(method, path(scene));
                if (method != HttpMethod.Get)
                {
                    request.Content = body?.Invoke(scene) ?? Json(new { });
                    // Stale on purpose: a write the gate lets through is then refused as stale, not made.
                    request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
                }

                var client = clients[column].Client;
                if (endpoint.Contains("/auth/sign-out", StringComparison.Ordinal) && scene.Columns[column].Actor is { } actor)
                {
                    client = await App.ClientForAsync(actor);
                }

                var response = await client.SendAsync(request);
                return (Letter(response.StatusCode), $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            });

        cells.ShouldBe(Table.Count * clients.Count);
    }

    private static char Letter(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => 'U',
        HttpStatusCode.Forbidden => 'F',
        HttpStatusCode.NotFound => 'N',
        _ when (int)status >= 500 => '!',
        _ => 'A',
    };

    private HashSet<string> ApiEndpoints() =>
    [
        .. App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}")),
    ];
}
