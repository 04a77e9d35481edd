using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Recovery;

/// <summary>The assessment form and the assessments page with its one-click request and task, as a browser posts them.</summary>
public sealed class AssessmentPagesTests(CrisisCoordApp app) : AppTest(app)
{
    private static Dictionary<string, string> Form(string place, string destroyed) => new()
    {
        ["Input.PlaceName"] = place,
        ["Input.Latitude"] = "30.5128",
        ["Input.Longitude"] = "114.2864",
        ["Input.BuildingsDestroyed"] = destroyed,
        ["Input.BuildingsSevere"] = "1",
        ["Input.BuildingsModerate"] = "2",
        ["Input.BuildingsMinor"] = "3",
        ["Input.PeopleDisplaced"] = "12",
        ["Input.PeopleInjured"] = "0",
        ["Input.PeopleMissing"] = "0",
        ["Input.Power"] = "Out",
        ["Input.Water"] = "Degraded",
        ["Input.Roads"] = "Working",
        ["Input.Telecoms"] = "Working",
        ["Input.Needs[0].Type"] = "drinking-water",
        ["Input.Needs[0].Quantity"] = "40",
        ["Input.Needs[1].Type"] = "",
        ["Input.Needs[1].Quantity"] = "",
        ["Input.Notes"] = "",
    };

    [Fact]
    public async Task A_bad_count_is_named_beside_its_field_what_was_typed_is_kept_and_nothing_is_written()
    {
        var incident = await InRecoveryAsync();
        var staff = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.AgencyStaff, organisationId: Reporter));

        var fields = Form("<b>Riverside</b>", "-3");
        fields["Input.Needs[1].Quantity"] = "5";
        var (response, document) = await staff.SubmitAsync($"/Incidents/{incident}/Assess", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector(".validation-summary")!.TextContent.ShouldContain("buildings destroyed is between 0");
        document.QuerySelector(".validation-summary")!.TextContent.ShouldContain("Say what type of resource is needed");
        document.QuerySelector<IHtmlInputElement>("input[name='Input.PlaceName']")!.Value.ShouldBe("<b>Riverside</b>");
        document.QuerySelector<IHtmlInputElement>("input[name='Input.BuildingsDestroyed']")!.Value.ShouldBe("-3");
        document.QuerySelector<IHtmlInputElement>("input[name='Input.Needs[1].Quantity']")!.Value.ShouldBe("5");
        document.QuerySelector<IHtmlSelectElement>("select[name='Input.Power']")!.Value.ShouldBe("Out");
        await using var db = App.Database.CreateContext();
        (await db.DamageAssessments.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task An_assessment_from_the_form_is_totalled_and_a_coordinator_makes_a_request_and_a_task_of_it_in_one_click_each()
    {
        var incident = await InRecoveryAsync();
        var staff = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.AgencyStaff, organisationId: Reporter));
        var (posted, _) = await staff.SubmitAsync($"/Incidents/{incident}/Assess", Form("<script>alert(1)</script> Riverside", "4"));
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Staff see the assessment but are offered neither button: those are the coordinators'.
        var (_, seen) = await staff.GetAsync($"/Incidents/{incident}/Assessments");
        seen.QuerySelectorAll(".assessments form").ShouldBeEmpty();

        var coordinator = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.Coordinator));
        var (list, page) = await coordinator.GetAsync($"/Incidents/{incident}/Assessments");
        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector(".assessments li")!.TextContent.ShouldContain("<script>alert(1)</script> Riverside");
        page.QuerySelectorAll("script").Any(s => s.TextContent.Contains("alert(1)", StringComparison.Ordinal)).ShouldBeFalse();
        page.QuerySelector("tr.total")!.TextContent.ShouldContain("12");

        (await coordinator.SubmitAsync($"/Incidents/{incident}/Assessments", new Dictionary<string, string>(), "form[action*='handler=Request']")).Response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await coordinator.SubmitAsync($"/Incidents/{incident}/Assessments", new Dictionary<string, string>(), "form[action*='handler=Task']")).Response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (_, after) = await coordinator.GetAsync($"/Incidents/{incident}/Assessments");
        after.QuerySelectorAll(".assessments form").ShouldBeEmpty();
        await using var db = App.Database.CreateContext();
        (await db.ResourceRequests.SingleAsync()).Quantity.ShouldBe(40m);
        (await db.Tasks.SingleAsync()).Phase.ShouldBe(Domain.Charters.Phases.Recovery);
    }

    private Guid Reporter { get; set; }

    private async Task<Guid> InRecoveryAsync()
    {
        var staff = await App.CreateAsync(Roles.AgencyStaff);
        Reporter = staff.OrganisationId;
        var incident = (await IncidentData.LogAsync(await App.ClientForAsync(staff), IncidentData.ValidBody()))["id"]!.GetValue<Guid>();
        await using var db = App.Database.CreateContext();
        var stored = await db.Incidents.SingleAsync(i => i.Id == incident);
        stored.TransitionTo(IncidentState.Response, "Confirmed", DateTimeOffset.UtcNow);
        stored.TransitionTo(IncidentState.Recovery, "Water receding", DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return incident;
    }
}
