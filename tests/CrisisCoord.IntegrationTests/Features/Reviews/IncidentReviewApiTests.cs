using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Features.Reviews;
using CrisisCoord.Application.Security;
using CrisisCoord.IntegrationTests.Features.Audit;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Reviews;

/// <summary>The after-action review drafted from a real incident's record, written on and signed over the API.</summary>
public sealed class IncidentReviewApiTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task The_review_is_drafted_from_the_chain_with_key_times_sentences_and_sums()
    {
        var scene = await ReviewScene.CreateAsync(App);

        var review = (await scene.ReviewAsync(scene.LeadClient))["content"]!;

        var events = await TimelineData.EventsAsync(App.Database, scene.Incident);
        DateTimeOffset At(string action, int nth = 0) => events.Where(e => e.Action == action).ElementAt(nth).OccurredAt;
        var times = review["keyTimes"]!.AsArray().ToDictionary(t => t!["milestone"]!.GetValue<string>(), t => t!);
        times.Keys.ShouldBe([ReviewDrafter.Reported, ReviewDrafter.Verified, ReviewDrafter.LeadSet, ReviewDrafter.FirstTaskAccepted,
            "Response phase entered", "Recovery phase entered", ReviewDrafter.Closed]);
        await using var db = App.Database.CreateContext();
        var reportedAt = (await db.Incidents.SingleAsync(i => i.Id == scene.Incident)).ReportedAt;
        times[ReviewDrafter.Reported]["at"]!.GetValue<DateTimeOffset>().ShouldBe(reportedAt);
        times[ReviewDrafter.Verified]["at"]!.GetValue<DateTimeOffset>().ShouldBe(At("TransitionIncident"));
        times[ReviewDrafter.LeadSet]["at"]!.GetValue<DateTimeOffset>().ShouldBe(At("SetIncidentLead"));
        times[ReviewDrafter.FirstTaskAccepted]["at"]!.GetValue<DateTimeOffset>().ShouldBe(At("AcceptTask"));
        times["Recovery phase entered"]["at"]!.GetValue<DateTimeOffset>().ShouldBe(At("TransitionIncident", 1));
        times[ReviewDrafter.Closed]["at"]!.GetValue<DateTimeOffset>().ShouldBe(At("TransitionIncident", 2));
        TimeSpan.Parse(times[ReviewDrafter.Closed]["sinceReported"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(At("TransitionIncident", 2) - reportedAt);
        TimeSpan.Parse(times[ReviewDrafter.LeadSet]["sincePrevious"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(At("SetIncidentLead") - At("TransitionIncident"));

        // One sentence per event, in plain words: no command names, no JSON.
        var sentences = review["timeline"]!.AsArray().Select(s => s!["text"]!.GetValue<string>()).ToList();
        sentences.Count.ShouldBe(events.Count);
        var lead = await db.Organisations.Where(o => o.Id == scene.Lead.OrganisationId).Select(o => o.Name).SingleAsync();
        var ngo = await db.Organisations.Where(o => o.Id == scene.Ngo.OrganisationId).Select(o => o.Name).SingleAsync();
        sentences.ShouldContain($"{lead} verified the incident and graded it II, moving it into the Response phase: Confirmed on site.");
        sentences.ShouldContain($"{lead} made {lead} the lead organisation.");
        sentences.ShouldContain($"{ngo} accepted the task “Evacuate the east-bank farms”.");
        sentences.ShouldContain($"{lead} closed the incident: Levee repaired.");
        sentences.ShouldAllBe(s => !s.Contains('{') && !s.Contains("Command", StringComparison.Ordinal));

        var resources = review["resources"]!.AsArray().Single()!;
        resources["requested"]!.GetValue<decimal>().ShouldBe(300);
        resources["committed"]!.GetValue<decimal>().ShouldBe(200);
        resources["delivered"]!.GetValue<decimal>().ShouldBe(200);

        var response = review["balance"]!.AsArray().Single(p => p!["phase"]!.GetValue<string>() == "Response")!;
        var civic = response["kinds"]!.AsArray().Single()!;
        civic["kind"]!.GetValue<string>().ShouldBe("CivicGroup");
        civic["tasks"]!.GetValue<int>().ShouldBe(1);
        civic["commitments"]!.GetValue<int>().ShouldBe(1);

        var acknowledged = review["timeToAcknowledge"]!.AsArray().Single()!;
        acknowledged["organisation"]!.GetValue<string>().ShouldBe(ngo);
        acknowledged["tasks"]!.GetValue<int>().ShouldBe(1);
        TimeSpan.Parse(acknowledged["average"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(At("AcceptTask") - At("CreateTask"));

        var acknowledge = review["obligations"]!.AsArray()
            .Single(o => o!["organisation"]!.GetValue<string>() == ngo && o["obligation"]!.GetValue<string>() == "AcknowledgeTask")!;
        acknowledge["met"]!.GetValue<int>().ShouldBe(1);
        acknowledge["breached"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Coordinators_add_lessons_auditors_comment_the_lead_signs_and_the_review_freezes()
    {
        var scene = await ReviewScene.CreateAsync(App);
        var auditor = await App.ClientAsAsync(Roles.Auditor);
        var staff = await App.ClientAsAsync(Roles.AgencyStaff);

        (await scene.LessonAsync(scene.LeadClient, "Sandbags arrived late: pre-position them in June.")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await scene.LessonAsync(scene.LeadClient, "Boat crews were idle for six hours.", "Finding")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await scene.CommentAsync(auditor, "Breach records match the chain.")).StatusCode.ShouldBe(HttpStatusCode.Created);

        // Refusals by role: lessons are the coordinators', comments the auditors', the signature the lead's.
        (await scene.LessonAsync(auditor, "An auditor's lesson")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await scene.LessonAsync(staff, "Staff's lesson")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await scene.CommentAsync(scene.LeadClient, "A coordinator's comment")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var otherCoordinator = await App.ClientAsAsync(Roles.Coordinator);
        (await scene.SignAsync(otherCoordinator)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a coordinator of another body is not the lead");
        (await scene.SignAsync(auditor)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var events = (await TimelineData.EventsAsync(App.Database, scene.Incident)).Count;
        var signed = await scene.SignAsync(scene.LeadClient);
        signed.StatusCode.ShouldBe(HttpStatusCode.OK, await signed.Content.ReadAsStringAsync());
        var hash = (await signed.Content.ReadFromJsonAsync<JsonObject>())!["contentHash"]!.GetValue<string>();
        hash.Length.ShouldBe(64);

        var chain = await TimelineData.EventsAsync(App.Database, scene.Incident);
        chain.Count.ShouldBe(events + 1);
        chain[^1].Action.ShouldBe("SignReview");
        chain[^1].Payload.ShouldContain($"\"contentHash\":\"{hash}\"");
        chain[^1].Payload.ShouldContain($"\"throughSequence\":{events}");

        var review = await scene.ReviewAsync(auditor);
        review["signature"]!["contentHash"]!.GetValue<string>().ShouldBe(hash);
        review["signature"]!["stillMatches"]!.GetValue<bool>().ShouldBeTrue();
        var capabilities = (await scene.ReviewAsync(scene.LeadClient))["capabilities"]!;
        capabilities["allowed"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldNotContain("AddReviewLesson");
        capabilities["refused"]!["AddReviewLesson"]!.GetValue<string>().ShouldBe(ReviewCommands.Signed);
        var notes = review["content"]!["notes"]!.AsArray();
        notes.Select(n => n!["kind"]!.GetValue<string>()).ShouldBe(["Lesson", "Finding", "Comment"]);

        // Frozen: nothing more is written, and saying so.
        var late = await scene.LessonAsync(scene.LeadClient, "One more thing");
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await late.Content.ReadAsStringAsync()).ShouldContain("signed and is frozen");
        (await scene.CommentAsync(auditor, "Late comment")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await scene.SignAsync(scene.LeadClient)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await using var db = App.Database.CreateContext();
        (await db.ReviewNotes.CountAsync(n => n.IncidentId == scene.Incident)).ShouldBe(3);
        (await TimelineData.EventsAsync(App.Database, scene.Incident)).Count.ShouldBe(events + 1);
    }

    [Fact]
    public async Task Participants_read_the_review_only_once_closed_and_it_is_signed_only_when_closed()
    {
        var scene = await ReviewScene.CreateAsync(App, close: false);

        (await scene.NgoClient.GetAsync($"/api/v1/incidents/{scene.Incident}/review")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await scene.LeadClient.GetAsync($"/api/v1/incidents/{scene.Incident}/review")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await App.ClientAsAsync(Roles.Auditor)).GetAsync($"/api/v1/incidents/{scene.Incident}/review")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var outsider = await App.ClientAsAsync(Roles.AgencyStaff, Domain.Organisations.OrganisationKind.Enterprise);
        (await outsider.GetAsync($"/api/v1/incidents/{scene.Incident}/review")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var early = await scene.SignAsync(scene.LeadClient);
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.Content.ReadAsStringAsync()).ShouldContain("Close the incident");

        await scene.CloseAsync();

        (await scene.NgoClient.GetAsync($"/api/v1/incidents/{scene.Incident}/review")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await outsider.GetAsync($"/api/v1/incidents/{scene.Incident}/review")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await scene.LeadClient.GetAsync($"/api/v1/incidents/{Guid.NewGuid()}/review")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_lessons_are_refused_naming_the_field_and_write_nothing()
    {
        var scene = await ReviewScene.CreateAsync(App);

        var empty = await scene.LessonAsync(scene.LeadClient, "  ");
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Any(e => string.Equals(e.Key, "text", StringComparison.OrdinalIgnoreCase)).ShouldBeTrue();
        var comment = await scene.LessonAsync(scene.LeadClient, "A comment in disguise", "Comment");
        comment.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await comment.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Any(e => string.Equals(e.Key, "kind", StringComparison.OrdinalIgnoreCase)).ShouldBeTrue();
        (await scene.LessonAsync(scene.LeadClient, new string('x', 2001))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        await using var db = App.Database.CreateContext();
        (await db.ReviewNotes.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Hostile_text_in_a_lesson_is_kept_as_text_and_shown_encoded()
    {
        var scene = await ReviewScene.CreateAsync(App);
        const string Hostile = "<script>alert('x')</script><img src=x onerror=alert(1)> =HYPERLINK(\"http://evil\") '; DROP TABLE review_notes; --";

        (await scene.LessonAsync(scene.LeadClient, Hostile)).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await scene.ReviewAsync(scene.LeadClient))["content"]!["notes"]!.AsArray().Single()!["text"]!.GetValue<string>().ShouldBe(Hostile);
        var pages = await PageClient.SignedInAsync(App, scene.Lead);
        var (response, page) = await pages.GetAsync($"/Incidents/{scene.Incident}/Review");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector(".review-note .note-text")!.TextContent.ShouldBe(Hostile);
        page.QuerySelectorAll("img").ShouldBeEmpty();
        page.QuerySelectorAll("script").ShouldAllBe(s => !s.TextContent.Contains("alert", StringComparison.Ordinal));
    }
}
