using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CrisisCoord.Application.Security;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.IntegrationTests.Features.Security;

/// <summary>
/// Every page handler, called by the same sixteen kinds of caller as the API matrix, against a table written
/// by hand from docs/authorization.md. A new page handler with no row fails the test.
/// </summary>
/// <remarks>
/// Forms are posted empty (or with a stale version), so a call the gate lets through changes nothing the next
/// cell depends on. Letters: A shown or done (200, or a redirect elsewhere), F refused (403, or the refusal
/// page), N 404, U sent to sign in. Signing out comes last.
/// </remarks>
public sealed partial class PageAuthorizationMatrixTests(CrisisCoordApp app) : AppTest(app)
{
    // Columns: anonymous | taking part: Administrator Coordinator AgencyStaff ResourceManager Auditor Citizen
    //          | not taking part: the same six | private citizen | group member | auditor
    private const string Everyone = "U AAAAAA AAAAAA A A A";
    private const string Public = "A AAAAAA AAAAAA A A A";
    private const string Administrators = "U AFFFFF AFFFFF F F F";
    private const string Overseers = "U AFFFAF AFFFAF F F A";
    private const string Coordinates = "U FAFFFF FFFFFF F F F";
    private const string TakesPart = "U FAAAFA FFFFFF F A F";
    private const string ReportsIncidents = "U FAAFFA FAAFFA A A F";
    private const string SeesIt = "U AAAAAA ANNNAN N A A";
    private const string CoordinatesIt = "U FAFFFF FNNNFN N F F";
    private const string WorksOnIt = "U FAAAFA FNNNFN N A F";
    private const string Holds = "U FAAAFA FNNNFN N F F";
    private const string OwnResources = "U FFFAFF FFFAFF F F F";
    private const string ThisResource = "U FFFAFF FFFFFF F F F";

    /// <summary>Drafting a warning: coordinators and staff of a government body taking part (PublishAlert).</summary>
    private const string DraftsWarnings = "U FAAFFF FFFFFF F F F";

    /// <summary>Editing a draft warning: the same, and those who may not see the draft do not learn it exists.</summary>
    private const string EditsDraft = "U FAAFFF FNNNFN N F F";

    /// <summary>Asking to join an incident, as a form: for organisations that do not take part yet.</summary>
    private const string JoinsIncident = "U FFFFFF FAAAFA F F F";

    /// <summary>Asking to join a citizens' group nobody has asked: for private citizens only.</summary>
    private const string JoinsGroup = "U FFFFFF FFFFFF A F F";

    private sealed record Row(Func<AuthorizationScene, string> Url, string Expected, Func<AuthorizationScene, Dictionary<string, string>>? Fields = null);

    private static Row Form(string path, string expected) => new(s => path.Replace("{incident}", s.Incident.ToString()), expected);

    private static Dictionary<string, string> NoFields(AuthorizationScene _) => [];

    /// <summary>The table: page handler → where to call it, what to post, and the expected answers. Insertion order is call order.</summary>
    private static readonly Dictionary<string, Row> Table = new()
    {
        ["GET /Account/AccessDenied"] = new(_ => "/Account/AccessDenied", "F FFFFFF FFFFFF F F F"),
        ["GET /Account/ChangePassword"] = new(_ => "/Account/ChangePassword", Everyone),
        ["POST /Account/ChangePassword"] = new(_ => "/Account/ChangePassword", Everyone, NoFields),
        ["POST /Account/ChangePassword?handler=EndSession"] = new(_ => "/Account/ChangePassword?handler=EndSession", "U NNNNNN NNNNNN N N N",
            _ => new() { ["session"] = Guid.NewGuid().ToString() }),
        ["GET /Account/CheckEmail"] = new(_ => "/Account/CheckEmail", Public),
        ["GET /Account/ConfirmEmail"] = new(_ => "/Account/ConfirmEmail", Public),
        ["POST /Account/ConfirmEmail"] = new(_ => "/Account/ConfirmEmail", Public, NoFields),
        ["GET /Account/ForgotPassword"] = new(_ => "/Account/ForgotPassword", Public),
        ["POST /Account/ForgotPassword"] = new(_ => "/Account/ForgotPassword", Public, NoFields),
        ["GET /Account/ResetPassword"] = new(_ => "/Account/ResetPassword", Public),
        ["POST /Account/ResetPassword"] = new(_ => "/Account/ResetPassword", Public, NoFields),
        ["GET /Account/Register"] = new(_ => "/Account/Register", Public),
        ["POST /Account/Register"] = new(_ => "/Account/Register", Public, NoFields),
        ["GET /Account/SignIn"] = new(_ => "/Account/SignIn", Public),
        ["POST /Account/SignIn"] = new(_ => "/Account/SignIn", Public, NoFields),
        ["POST /Account/SignIn?handler=Code"] = new(_ => "/Account/SignIn?handler=Code", Public, NoFields),
        ["GET /Account/Preferences"] = new(_ => "/Account/Preferences", Everyone),
        ["POST /Account/Preferences"] = new(_ => "/Account/Preferences", Everyone, NoFields),
        ["GET /Account/Tokens"] = new(_ => "/Account/Tokens", Everyone),
        ["POST /Account/Tokens"] = new(_ => "/Account/Tokens", Everyone, NoFields),
        // No such token of theirs: everyone signed in gets past the gate and finds none.
        ["POST /Account/Tokens?handler=Revoke"] = new(_ => "/Account/Tokens?handler=Revoke", "U NNNNNN NNNNNN N N N",
            _ => new() { ["token"] = Guid.NewGuid().ToString() }),
        ["GET /Account/TwoFactor"] = new(_ => "/Account/TwoFactor", Everyone),
        ["POST /Account/TwoFactor?handler=Start"] = new(_ => "/Account/TwoFactor?handler=Start", Everyone, NoFields),
        ["POST /Account/TwoFactor?handler=Enable"] = new(_ => "/Account/TwoFactor?handler=Enable", Everyone, NoFields),
        ["POST /Account/TwoFactor?handler=Disable"] = new(_ => "/Account/TwoFactor?handler=Disable", Everyone, NoFields),
        ["GET /Error"] = new(_ => "/Error", Public),
        ["POST /Error"] = new(_ => "/Error", Public, NoFields),

        ["GET /Index"] = new(_ => "/", Everyone),
        ["GET /Index?handler=Map"] = new(_ => "/?handler=Map&west=-180&south=-80&east=180&north=80&zoom=2", Everyone),
        ["GET /Notifications/Index"] = new(_ => "/Notifications", Everyone),
        ["POST /Notifications/Index?handler=Open"] = new(_ => $"/Notifications?handler=Open&id={Guid.NewGuid()}", "U NNNNNN NNNNNN N N N", NoFields),
        ["POST /Notifications/Index?handler=Read"] = new(_ => $"/Notifications?handler=Read&id={Guid.NewGuid()}", "U NNNNNN NNNNNN N N N", NoFields),
        ["POST /Notifications/Index?handler=ReadAll"] = new(_ => "/Notifications?handler=ReadAll", Everyone, NoFields),
        ["GET /Notifications/Preferences"] = new(_ => "/Notifications/Preferences", Everyone),
        ["POST /Notifications/Preferences"] = new(_ => "/Notifications/Preferences", Everyone, NoFields),
        ["GET /Audit/Index"] = new(_ => "/Audit", Everyone),
        ["GET /Audit/Index?handler=Csv"] = new(_ => "/Audit?handler=Csv", Everyone),
        ["GET /Audit/Chains"] = new(_ => "/Audit/Chains", Overseers),
        ["POST /Audit/Chains?handler=Checkpoint"] = new(_ => "/Audit/Chains?handler=Checkpoint", Overseers, NoFields),
        ["GET /Audit/Verify"] = new(s => $"/Audit/Verify?chain={s.Incident}", Overseers),
        ["POST /Audit/Verify"] = new(s => $"/Audit/Verify?chain={s.Incident}", Overseers, NoFields),
        ["GET /Audit/Verify?handler=Download"] = new(_ => $"/Audit/Verify?handler=Download&chain={_registryCheckpoint.Chain}&sequence={_registryCheckpoint.Sequence}", Overseers),
        ["GET /Charters/Index"] = new(_ => "/Charters", Everyone),
        ["POST /Charters/Index"] = new(_ => "/Charters", Administrators, NoFields),

        ["GET /Incidents/Index"] = new(_ => "/Incidents", Everyone),
        ["GET /Incidents/New"] = new(_ => "/Incidents/New", ReportsIncidents),
        ["POST /Incidents/New"] = new(_ => "/Incidents/New", ReportsIncidents, NoFields),
        ["GET /Incidents/Details"] = new(s => $"/Incidents/{s.Incident}", Everyone),
        ["POST /Incidents/Details?handler=CommitOffer"] = new(s => $"/Incidents/{s.Incident}?handler=CommitOffer", CoordinatesIt,
            s => new() { ["offer"] = s.Offer.ToString(), ["quantity"] = "0" }),
        ["GET /Incidents/Transition"] = Form("/Incidents/{incident}/Transition", Coordinates),
        ["POST /Incidents/Transition"] = Form("/Incidents/{incident}/Transition", Coordinates) with { Fields = NoFields },
        ["GET /Incidents/Severity"] = Form("/Incidents/{incident}/Severity", Coordinates),
        ["POST /Incidents/Severity"] = Form("/Incidents/{incident}/Severity", Coordinates) with { Fields = NoFields },
        ["GET /Incidents/Lead"] = Form("/Incidents/{incident}/Lead", Coordinates),
        ["POST /Incidents/Lead"] = Form("/Incidents/{incident}/Lead", Coordinates) with { Fields = NoFields },
        ["GET /Incidents/NewObjective"] = Form("/Incidents/{incident}/Objectives/New", Coordinates),
        ["POST /Incidents/NewObjective"] = Form("/Incidents/{incident}/Objectives/New", Coordinates) with { Fields = NoFields },
        ["GET /Incidents/NewTask"] = Form("/Incidents/{incident}/Tasks/New", Coordinates),
        ["POST /Incidents/NewTask"] = Form("/Incidents/{incident}/Tasks/New", Coordinates) with { Fields = NoFields },
        ["GET /Incidents/NewRequest"] = Form("/Incidents/{incident}/Requests/New", Coordinates),
        ["POST /Incidents/NewRequest"] = Form("/Incidents/{incident}/Requests/New", Coordinates) with { Fields = NoFields },
        ["GET /Incidents/Participants"] = Form("/Incidents/{incident}/Participants", Coordinates),
        ["POST /Incidents/Participants"] = Form("/Incidents/{incident}/Participants", Coordinates) with { Fields = NoFields },
        ["GET /Incidents/Edit"] = Form("/Incidents/{incident}/Edit", Coordinates),
        ["POST /Incidents/Edit"] = Form("/Incidents/{incident}/Edit", Coordinates) with { Fields = NoFields },
        ["GET /Incidents/Merge"] = Form("/Incidents/{incident}/Merge", Coordinates),
        ["POST /Incidents/Merge"] = Form("/Incidents/{incident}/Merge", Coordinates) with { Fields = NoFields },
        ["GET /Incidents/Link"] = Form("/Incidents/{incident}/Link", Coordinates),
        ["POST /Incidents/Link"] = Form("/Incidents/{incident}/Link", Coordinates) with { Fields = NoFields },
        // No such link: a coordinator gets past the gate and finds none.
        ["POST /Incidents/Details?handler=Unlink"] = new(s => $"/Incidents/{s.Incident}?handler=Unlink", "U FNFFFF FFFFFF F F F", _ => new() { ["link"] = Guid.NewGuid().ToString() }),
        // The review of an open incident: its coordinators and overseers only; the sign is refused as too early (409, shown on the page) to the lead.
        ["GET /Incidents/Review"] = Form("/Incidents/{incident}/Review", "U AAFFAF AFFFAF F F A"),
        ["POST /Incidents/Review?handler=Sign"] = Form("/Incidents/{incident}/Review?handler=Sign", Coordinates) with { Fields = NoFields },
        ["GET /Incidents/ReviewLesson"] = Form("/Incidents/{incident}/Review/Lesson", Coordinates),
        ["POST /Incidents/ReviewLesson"] = Form("/Incidents/{incident}/Review/Lesson", Coordinates) with { Fields = NoFields },
        ["GET /Incidents/ReviewComment"] = Form("/Incidents/{incident}/Review/Comment", "U FFFFAF FFFFAF F F A"),
        ["POST /Incidents/ReviewComment"] = Form("/Incidents/{incident}/Review/Comment", "U FFFFAF FFFFAF F F A") with { Fields = NoFields },
        ["GET /Reports/Mine"] = new(_ => "/Reports/Mine", Everyone),
        ["GET /Reports/Photo"] = new(s => $"/Reports/Photos/{s.Photo}", SeesIt),
        ["GET /Warnings/Public"] = new(_ => "/warnings", Public),
        ["GET /Warnings/New"] = Form("/Incidents/{incident}/Warnings/New", DraftsWarnings),
        ["POST /Warnings/New"] = Form("/Incidents/{incident}/Warnings/New", DraftsWarnings) with { Fields = NoFields },
        ["GET /Warnings/Details"] = new(s => $"/Warnings/{s.Warning}", SeesIt),
        ["POST /Warnings/Details?handler=Publish"] = new(s => $"/Warnings/{s.Warning}?handler=Publish", CoordinatesIt, _ => new() { ["version"] = "1" }),
        ["POST /Warnings/Details?handler=Cancel"] = new(s => $"/Warnings/{s.Warning}?handler=Cancel", CoordinatesIt, _ => new() { ["version"] = "1", ["reason"] = "" }),
        ["GET /Warnings/Edit"] = new(s => $"/Warnings/{s.Warning}/Edit", EditsDraft),
        ["POST /Warnings/Edit"] = new(s => $"/Warnings/{s.Warning}/Edit", EditsDraft, NoFields),
        ["GET /Incidents/Join"] = Form("/Incidents/{incident}/Join", JoinsIncident),
        ["POST /Incidents/Join"] = Form("/Incidents/{incident}/Join", JoinsIncident) with { Fields = NoFields },
        ["GET /Incidents/SituationReport"] = Form("/Incidents/{incident}/SituationReport", TakesPart),
        ["POST /Incidents/SituationReport"] = Form("/Incidents/{incident}/SituationReport", TakesPart) with { Fields = NoFields },
        ["GET /Incidents/Log"] = Form("/Incidents/{incident}/Log", TakesPart),
        ["POST /Incidents/Log"] = Form("/Incidents/{incident}/Log", TakesPart) with { Fields = NoFields },
        ["GET /Incidents/Offer"] = Form("/Incidents/{incident}/Offer", TakesPart),
        ["POST /Incidents/Offer"] = Form("/Incidents/{incident}/Offer", TakesPart) with { Fields = NoFields },
        ["GET /Incidents/Tasks"] = new(s => $"/Incidents/{s.Incident}/Tasks", Everyone),
        ["POST /Incidents/Tasks?handler=Move"] = new(s => $"/Incidents/{s.Incident}/Tasks?handler=Move", Holds,
            s => new() { ["task"] = s.Task.ToString(), ["version"] = "1", ["move"] = nameof(Act.AcceptTask) }),

        ["GET /Objectives/Progress"] = new(s => $"/Objectives/{s.Objective}/Progress", WorksOnIt),
        ["POST /Objectives/Progress"] = new(s => $"/Objectives/{s.Objective}/Progress", WorksOnIt, NoFields),
        ["GET /Objectives/Waive"] = new(s => $"/Objectives/{s.Objective}/Waive", CoordinatesIt),
        ["POST /Objectives/Waive"] = new(s => $"/Objectives/{s.Objective}/Waive", CoordinatesIt, NoFields),

        ["GET /Tasks/Mine"] = new(_ => "/Tasks/Mine", Everyone),
        ["POST /Tasks/Mine?handler=Move"] = new(_ => "/Tasks/Mine?handler=Move", Holds,
            s => new() { ["task"] = s.Task.ToString(), ["version"] = "1", ["move"] = nameof(Act.AcceptTask) }),

        ["GET /Requests/Index"] = new(_ => "/Requests", Everyone),
        ["GET /Requests/Details"] = new(s => $"/Requests/{s.Request}", SeesIt),
        ["GET /Requests/Details?handler=Edxl"] = new(s => $"/Requests/{s.Request}?handler=Edxl", SeesIt),
        ["POST /Requests/Details?handler=Answer"] = new(s => $"/Requests/{s.Request}?handler=Answer", Holds, NoFields),
        ["POST /Requests/Details?handler=Ask"] = new(s => $"/Requests/{s.Request}?handler=Ask", CoordinatesIt, _ => new() { ["organisation"] = Guid.Empty.ToString() }),
        ["POST /Requests/Details?handler=Commit"] = new(s => $"/Requests/{s.Request}?handler=Commit", CoordinatesIt,
            s => new() { ["offer"] = s.Offer.ToString(), ["quantity"] = "0" }),
        ["POST /Requests/Details?handler=Move"] = new(s => $"/Requests/{s.Request}?handler=Move", Holds,
            s => new() { ["commitment"] = s.Commitment.ToString(), ["version"] = "1", ["status"] = "EnRoute" }),
        ["POST /Requests/Details?handler=Close"] = new(s => $"/Requests/{s.Request}?handler=Close", CoordinatesIt, _ => new() { ["version"] = "1", ["reason"] = "" }),

        ["GET /Organisations/Index"] = new(_ => "/Organisations", Everyone),
        ["GET /Organisations/New"] = new(_ => "/Organisations/New", Administrators),
        ["POST /Organisations/New"] = new(_ => "/Organisations/New", Administrators, NoFields),
        ["GET /Organisations/Details"] = new(s => $"/Organisations/{s.City}", Everyone),
        ["POST /Organisations/Details"] = new(s => $"/Organisations/{s.City}", Administrators, NoFields),
        ["POST /Organisations/Details?handler=Admit"] = new(s => $"/Organisations/{s.Group}?handler=Admit", Administrators,
            s => new() { ["request"] = s.DeclinedMembership.ToString() }),
        ["POST /Organisations/Details?handler=Decline"] = new(s => $"/Organisations/{s.Group}?handler=Decline", Administrators,
            s => new() { ["request"] = s.DeclinedMembership.ToString(), ["reason"] = "" }),
        // Nobody by that id: an administrator gets past the gate and finds no one, so no scene account is disabled.
        ["POST /Organisations/Details?handler=Disable"] = new(s => $"/Organisations/{s.City}?handler=Disable", "U NFFFFF NFFFFF F F F",
            _ => new() { ["person"] = Guid.NewGuid().ToString() }),
        ["POST /Organisations/Details?handler=Enable"] = new(s => $"/Organisations/{s.City}?handler=Enable", "U NFFFFF NFFFFF F F F",
            _ => new() { ["person"] = Guid.NewGuid().ToString() }),
        ["GET /Organisations/Edit"] = new(s => $"/Organisations/{s.City}/Edit", Administrators),
        ["POST /Organisations/Edit"] = new(s => $"/Organisations/{s.City}/Edit", Administrators, NoFields),
        ["GET /Organisations/Join"] = new(s => $"/Organisations/{s.OtherGroup}/Join", JoinsGroup),
        ["POST /Organisations/Join"] = new(s => $"/Organisations/{s.OtherGroup}/Join", JoinsGroup, NoFields),
        ["GET /Organisations/Volunteer"] = new(s => $"/Organisations/{s.OtherGroup}/Volunteer", JoinsGroup),
        ["POST /Organisations/Volunteer"] = new(s => $"/Organisations/{s.OtherGroup}/Volunteer", JoinsGroup, NoFields),
        // Check-ins (ADR 0031): anyone but auditors checks in; only the person and the incident's coordinators know of one.
        ["GET /Incidents/CheckIn"] = Form("/Incidents/{incident}/CheckIn", "U AAAAFA AAAAFA A A F"),
        ["POST /Incidents/CheckIn"] = Form("/Incidents/{incident}/CheckIn", "U AAAAFA AAAAFA A A F") with { Fields = NoFields },
        ["GET /Incidents/CheckIns"] = Form("/Incidents/{incident}/CheckIns", Coordinates),
        ["GET /CheckIns/Mine"] = new(_ => "/CheckIns/Mine", Everyone),
        ["GET /CheckIns/Edit"] = new(s => $"/CheckIns/{s.CheckIn}/Edit", "U NFNNNN NNNNNN A N N"),
        ["POST /CheckIns/Edit"] = new(s => $"/CheckIns/{s.CheckIn}/Edit", "U NFNNNN NNNNNN A N N", NoFields),
        // The coordinator makes the one task; nobody after them may, so nothing later depends on it.
        ["POST /Incidents/CheckIns?handler=Task"] = new(s => $"/Incidents/{s.Incident}/CheckIns?handler=Task", "U NANNNN NNNNNN F N N",
            s => new() { ["checkIn"] = s.CheckIn.ToString() }),
        // Damage assessments: those taking part assess; coordinators make requests and tasks of them. No such assessment or
        // need: a coordinator gets past the gate and finds none (404), so nothing is made.
        ["GET /Incidents/Assessments"] = Form("/Incidents/{incident}/Assessments", "U AAAAAA AFFFAF F A A"),
        ["GET /Incidents/Assess"] = Form("/Incidents/{incident}/Assess", TakesPart),
        ["POST /Incidents/Assess"] = Form("/Incidents/{incident}/Assess", TakesPart) with { Fields = NoFields },
        ["POST /Incidents/Assessments?handler=Task"] = new(s => $"/Incidents/{s.Incident}/Assessments?handler=Task", "U FNFFFF FFFFFF F F F",
            _ => new() { ["assessment"] = Guid.NewGuid().ToString() }),
        ["POST /Incidents/Assessments?handler=Request"] = new(s => $"/Incidents/{s.Incident}/Assessments?handler=Request", "U FNFFFF FFFFFF F F F",
            _ => new() { ["need"] = Guid.NewGuid().ToString() }),
        // Recovery work, shelters and relief: read by those who see the detail; projects started by coordinators; shelters
        // opened and relief recorded by those taking part. A project or shelter by an id that does not exist is found by
        // nobody, so nothing is marked or changed.
        ["GET /Incidents/Recovery"] = Form("/Incidents/{incident}/Recovery", "U AAAAAA AFFFAF F A A"),
        // The form turns away even its coordinators while the incident is not in recovery (the scene's is in response).
        ["GET /Incidents/StartProject"] = Form("/Incidents/{incident}/StartProject", "U FFFFFF FFFFFF F F F"),
        ["POST /Incidents/StartProject"] = Form("/Incidents/{incident}/StartProject", "U FFFFFF FFFFFF F F F") with { Fields = NoFields },
        ["GET /Incidents/Shelters"] = Form("/Incidents/{incident}/Shelters", "U AAAAAA AFFFAF F A A"),
        ["POST /Incidents/Shelters?handler=Occupancy"] = new(s => $"/Incidents/{s.Incident}/Shelters?handler=Occupancy", "U NNNNNN NNNNNN N N N",
            _ => new() { ["shelter"] = Guid.NewGuid().ToString(), ["occupancy"] = "1", ["version"] = "1" }),
        ["GET /Incidents/OpenShelter"] = Form("/Incidents/{incident}/OpenShelter", TakesPart),
        ["POST /Incidents/OpenShelter"] = Form("/Incidents/{incident}/OpenShelter", TakesPart) with { Fields = NoFields },
        ["GET /Incidents/Distribute"] = Form("/Incidents/{incident}/Distribute", TakesPart),
        ["POST /Incidents/Distribute"] = Form("/Incidents/{incident}/Distribute", TakesPart) with { Fields = NoFields },
        ["GET /RecoveryProjects/Details"] = new(_ => $"/RecoveryProjects/{Guid.NewGuid()}", "U NNNNNN NNNNNN N N N"),
        ["POST /RecoveryProjects/Details?handler=Mark"] = new(_ => $"/RecoveryProjects/{Guid.NewGuid()}?handler=Mark", "U NNNNNN NNNNNN N N N",
            _ => new() { ["milestone"] = Guid.NewGuid().ToString(), ["done"] = "true" }),
        ["GET /People/New"] = new(_ => "/People/New", Administrators),
        ["POST /People/New"] = new(_ => "/People/New", Administrators, NoFields),

        ["GET /Resources/Index"] = new(_ => "/Resources", Everyone),
        ["GET /Resources/New"] = new(_ => "/Resources/New", OwnResources),
        ["POST /Resources/New"] = new(_ => "/Resources/New", OwnResources, NoFields),
        ["GET /Resources/Import"] = new(_ => "/Resources/Import", OwnResources),
        ["GET /Resources/Import?handler=Example"] = new(_ => "/Resources/Import?handler=Example", OwnResources),
        ["POST /Resources/Import"] = new(_ => "/Resources/Import", OwnResources, NoFields),
        ["GET /Resources/Details"] = new(s => $"/Resources/{s.Resource}", Everyone),
        ["POST /Resources/Details?handler=Confirm"] = new(s => $"/Resources/{s.Resource}?handler=Confirm", ThisResource, NoFields),
        ["GET /Resources/Edit"] = new(s => $"/Resources/{s.Resource}/Edit", ThisResource),
        ["POST /Resources/Edit"] = new(s => $"/Resources/{s.Resource}/Edit", ThisResource, NoFields),

        ["GET /Account/SignOut"] = new(_ => "/Account/SignOut", Everyone),
        // Both end sessions: each cell signs in afresh, and ending every session comes last of all.
        ["POST /Account/SignOut"] = new(_ => "/Account/SignOut", Everyone, NoFields),
        ["POST /Account/SignOut?handler=Everywhere"] = new(_ => "/Account/SignOut?handler=Everywhere", Everyone, NoFields),
    };

    private static readonly HashSet<string> EndsSessions = ["POST /Account/SignOut", "POST /Account/SignOut?handler=Everywhere"];

    private static (string Chain, long Sequence) _registryCheckpoint;

    [Fact]
    public void Every_page_handler_has_a_row_and_every_row_a_handler()
    {
        var handlers = PageHandlers();

        handlers.Except(Table.Keys).ShouldBeEmpty("these page handlers have no row in the page matrix");
        Table.Keys.Except(handlers).ShouldBeEmpty("these rows name no page handler");
    }

    [Fact]
    public async Task Every_cell_answers_as_the_table_says_and_nothing_unexpected_succeeds()
    {
        var scene = await AuthorizationScene.CreateAsync(App);
        var auditor = await App.ClientForAsync(scene.Auditor);
        (await auditor.PostAsJsonAsync("/api/v1/audit/checkpoints", new { })).EnsureSuccessStatusCode();
        var checkpoint = (await auditor.GetFromJsonAsync<JsonArray>("/api/v1/audit/checkpoints"))!.First()!;
        _registryCheckpoint = (checkpoint["chain"]!.GetValue<string>(), checkpoint["sequence"]!.GetValue<long>());

        var columns = new List<(string Name, PageClient Pages)>();
        foreach (var (name, actor) in scene.Columns)
        {
            columns.Add((name, actor is null ? new PageClient(App) : await PageClient.SignedInAsync(App, actor)));
        }

        var tokens = new Dictionary<string, string>();
        foreach (var (name, pages) in columns)
        {
            tokens[name] = await TokenAsync(pages, name == "anonymous" ? "/Account/SignIn" : "/Account/ChangePassword");
        }

        var cells = await MatrixRun.CheckAsync(
            Table.Select(r => (r.Key, r.Value.Expected)),
            [.. columns.Select(c => c.Name)],
            async (handler, column) =>
            {
                var row = Table[handler];
                var (name, pages) = columns[column];
                var token = tokens[name];
                if (EndsSessions.Contains(handler) && scene.Columns[column].Actor is { } actor)
                {
                    pages = await PageClient.SignedInAsync(App, actor);
                    token = await TokenAsync(pages, "/Account/ChangePassword");
                }

                var url = row.Url(scene);
                var response = row.Fields is null
                    ? await pages.Http.GetAsync(url)
                    : await pages.Http.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. row.Fields(scene)]));
                return (Letter(response), $"{(int)response.StatusCode} {response.Headers.Location}");
            });

        cells.ShouldBe(Table.Count * columns.Count);
    }

    private static char Letter(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.ToString() ?? "";
        return response.StatusCode switch
        {
            // A challenge sends the person to sign in and back (ReturnUrl); signing out just lands there.
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/Account/SignIn?ReturnUrl=", StringComparison.Ordinal) => 'U',
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/Account/AccessDenied", StringComparison.Ordinal) => 'F',
            HttpStatusCode.Forbidden => 'F',
            HttpStatusCode.NotFound => 'N',
            _ when (int)response.StatusCode >= 500 => '!',
            _ => 'A',
        };
    }

    private static async Task<string> TokenAsync(PageClient pages, string url)
    {
        var html = await (await pages.Http.GetAsync(url)).Content.ReadAsStringAsync();
        var document = new HtmlParser().ParseDocument(html);
        return document.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
    }

    /// <summary>Every handler of every page model, named as "METHOD /Folder/Page[?handler=Name]".</summary>
    private static HashSet<string> PageHandlers()
    {
        var pages = typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(PageModel).IsAssignableFrom(t));
        var handlers = new HashSet<string>();
        foreach (var page in pages)
        {
            var path = "/" + page.FullName!["CrisisCoord.Web.Pages.".Length..].Replace('.', '/');
            path = path[..^"Model".Length];
            foreach (var method in page.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                if (HandlerName().Match(method.Name) is { Success: true } match)
                {
                    var name = match.Groups["name"].Value;
                    handlers.Add($"{match.Groups["verb"].Value.ToUpperInvariant()} {path}{(name.Length > 0 ? $"?handler={name}" : "")}");
                }
            }
        }

        return handlers;
    }

    [GeneratedRegex("^On(?<verb>Get|Post)(?<name>[A-Za-z]*?)(Async)?$")]
    private static partial Regex HandlerName();
}
