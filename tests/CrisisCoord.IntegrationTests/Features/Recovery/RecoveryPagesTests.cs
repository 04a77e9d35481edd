using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.IntegrationTests.Features.Requests;
using CrisisCoord.IntegrationTests.Features.Tasks;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Recovery;

/// <summary>The recovery pages as a browser posts them: starting a project, marking milestones, shelters and relief.</summary>
public sealed class RecoveryPagesTests(CrisisCoordApp app) : AppTest(app)
{
    private const string Hostile = "<script>alert(1)</script> Rebuild the pumps";

    [Fact]
    public async Task A_coordinator_starts_a_project_from_the_form_and_only_its_owner_is_offered_the_milestone_buttons()
    {
        var s = await TaskScene.CreateAsync(App);
        await using (var db = App.Database.CreateContext())
        {
            (await db.Incidents.SingleAsync(i => i.Id == s.Incident)).TransitionTo(IncidentState.Recovery, "Water receding", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var coordinator = await PageClient.SignedInAsync(App, s.Coordinator);
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = Hostile,
            ["Input.OwnerOrganisationId"] = s.Ngo.OrganisationId.ToString(),
            ["Input.BudgetAmount"] = "-5",
            ["Input.BudgetCurrency"] = "yuan",
            ["Input.Milestones[0].Title"] = "Survey",
            ["Input.Milestones[0].DueOn"] = "2026-12-20",
            ["Input.Milestones[1].Title"] = "Replace the pumps",
            ["Input.Milestones[1].DueOn"] = "2027-01-20",
            ["Input.Milestones[2].Title"] = "",
            ["Input.Milestones[2].DueOn"] = "",
        };
        var (refused, form) = await coordinator.SubmitAsync($"/Incidents/{s.Incident}/StartProject", fields);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        form.QuerySelector("#Input_BudgetAmount + .field-error, #Input_BudgetAmount ~ .field-error")!.TextContent.ShouldContain("0 or more");
        form.QuerySelector(".validation-summary")!.TextContent.ShouldContain("'yuan' is not a currency code");
        form.QuerySelector<IHtmlInputElement>("input[name='Input.Title']")!.Value.ShouldBe(Hostile);
        form.QuerySelector<IHtmlInputElement>("input[name='Input.Milestones[1].Title']")!.Value.ShouldBe("Replace the pumps");
        await using (var db = App.Database.CreateContext())
        {
            (await db.RecoveryProjects.CountAsync()).ShouldBe(0);
        }

        fields["Input.BudgetAmount"] = "500000";
        fields["Input.BudgetCurrency"] = "CNY";
        var (started, _) = await coordinator.SubmitAsync($"/Incidents/{s.Incident}/StartProject", fields);
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var projectUrl = started.Headers.Location!.OriginalString;

        var (_, seenByCoordinator) = await coordinator.GetAsync(projectUrl);
        seenByCoordinator.QuerySelector("h1")!.TextContent.ShouldBe(Hostile);
        seenByCoordinator.QuerySelectorAll("script").Any(x => x.TextContent.Contains("alert(1)", StringComparison.Ordinal)).ShouldBeFalse();
        seenByCoordinator.QuerySelectorAll("form[action*='handler=Mark']").ShouldBeEmpty();

        var owner = await PageClient.SignedInAsync(App, s.Ngo);
        var (marked, _) = await owner.SubmitAsync(projectUrl, new Dictionary<string, string>(), "form[action*='handler=Mark']");
        marked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, after) = await owner.GetAsync(projectUrl);
        after.QuerySelector(".lead + p")!.TextContent.ShouldContain("50 %");

        var (_, list) = await coordinator.GetAsync($"/Incidents/{s.Incident}/Recovery");
        list.QuerySelector("table")!.TextContent.ShouldContain(Hostile);
        list.QuerySelector("table")!.TextContent.ShouldContain("1 of 2 done");
    }

    [Fact]
    public async Task A_shelter_is_opened_kept_within_capacity_and_relief_recorded_from_the_forms()
    {
        var s = await RequestScene.CreateAsync(App, water: 100);
        var ngo = await PageClient.SignedInAsync(App, s.Scene.Ngo);
        var shelter = new Dictionary<string, string>
        {
            ["Input.Name"] = "<b>School gym</b>",
            ["Input.PlaceName"] = "Qinghe Road 12",
            ["Input.Latitude"] = "30.59",
            ["Input.Longitude"] = "114.39",
            ["Input.Capacity"] = "50",
            ["Input.Occupancy"] = "60",
        };
        var (refused, form) = await ngo.SubmitAsync($"/Incidents/{s.Incident}/OpenShelter", shelter);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        form.QuerySelector("#Input_Occupancy ~ .field-error")!.TextContent.ShouldContain("over the shelter's capacity (50)");
        form.QuerySelector<IHtmlInputElement>("input[name='Input.Occupancy']")!.Value.ShouldBe("60");

        shelter["Input.Occupancy"] = "20";
        (await ngo.SubmitAsync($"/Incidents/{s.Incident}/OpenShelter", shelter)).Response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ngo.SubmitAsync($"/Incidents/{s.Incident}/Shelters", new Dictionary<string, string> { ["occupancy"] = "45" }, "form[action*='handler=Occupancy']"))
            .Response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (handed, _) = await ngo.SubmitAsync($"/Incidents/{s.Incident}/Distribute", new Dictionary<string, string>
        {
            ["Input.ResourceId"] = s.Water.ToString(),
            ["Input.Quantity"] = "40",
            ["Input.Households"] = "20",
            ["Input.ShelterId"] = "",
            ["Input.PlaceName"] = "Dock 3",
            ["Input.Latitude"] = "30.6",
            ["Input.Longitude"] = "114.3",
            ["Input.Notes"] = "",
        });
        handed.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var coordinator = await PageClient.SignedInAsync(App, s.Scene.Coordinator);
        var (_, page) = await coordinator.GetAsync($"/Incidents/{s.Incident}/Shelters");
        var listed = page.QuerySelector("[id^='shelter-']")!;
        listed.TextContent.ShouldContain("<b>School gym</b>");
        listed.TextContent.ShouldContain("45 of 50");
        page.QuerySelector("#relief-heading")!.TextContent.ShouldContain("20 households");
        await using var db = App.Database.CreateContext();
        (await db.Resources.SingleAsync(r => r.Id == s.Water)).Quantity.ShouldBe(60m);
    }
}
