using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.CheckIns;

/// <summary>The check-in form, the person's own list, and the coordinators' page with its one-click task, as a browser posts them.</summary>
public sealed class CheckInPagesTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task A_place_too_far_is_named_beside_the_field_and_what_was_typed_is_kept()
    {
        var incident = await InResponseAsync();
        var pages = await PageClient.SignedInAsync(App, await App.CreatePrivateCitizenAsync());

        var (response, document) = await pages.SubmitAsync($"/Incidents/{incident}/CheckIn", new Dictionary<string, string>
        {
            ["Input.Status"] = "NeedsHelp",
            ["Input.Latitude"] = "39.9",
            ["Input.Longitude"] = "116.4",
            ["Input.PlaceName"] = "<b>Roof</b>",
            ["Input.Note"] = "Two of us",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector(".validation-summary")!.TextContent.ShouldContain("not in or near");
        document.QuerySelector<IHtmlInputElement>("input[name='Input.PlaceName']")!.Value.ShouldBe("<b>Roof</b>");
        document.QuerySelector<IHtmlInputElement>("input[name='Input.Latitude']")!.Value.ShouldBe("39.9");
        document.QuerySelector<IHtmlInputElement>("input[value='NeedsHelp']")!.IsChecked.ShouldBeTrue();
        await using var db = App.Database.CreateContext();
        (await db.CheckIns.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_call_for_help_from_the_form_reaches_the_coordinators_page_and_one_click_makes_it_a_task()
    {
        var incident = await InResponseAsync();
        var person = await PageClient.SignedInAsync(App, await App.CreatePrivateCitizenAsync());
        var (posted, _) = await person.SubmitAsync($"/Incidents/{incident}/CheckIn", new Dictionary<string, string>
        {
            ["Input.Status"] = "NeedsHelp",
            ["Input.Latitude"] = "30.5250",
            ["Input.Longitude"] = "114.2990",
            ["Input.PlaceName"] = "<script>alert(1)</script> Levee Road",
            ["Input.Note"] = "Water rising",
        });
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.ToString().ShouldBe("/CheckIns/Mine");

        var coordinator = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.Coordinator));
        var (list, page) = await coordinator.GetAsync($"/Incidents/{incident}/CheckIns");
        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector(".check-ins li")!.TextContent.ShouldContain("<script>alert(1)</script> Levee Road");
        page.QuerySelectorAll("script").Any(s => s.TextContent.Contains("alert(1)</script>", StringComparison.Ordinal)).ShouldBeFalse();

        var (made, _) = await coordinator.SubmitAsync($"/Incidents/{incident}/CheckIns", new Dictionary<string, string>(), ".check-ins form");
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (mine, myPage) = await person.GetAsync("/CheckIns/Mine");
        mine.StatusCode.ShouldBe(HttpStatusCode.OK);
        myPage.QuerySelector(".my-reports li")!.TextContent.ShouldContain("Someone is on it");

        await using var db = App.Database.CreateContext();
        (await db.CheckIns.SingleAsync()).TaskId.ShouldNotBeNull();
        (await db.Tasks.SingleAsync()).IncidentId.ShouldBe(incident);

        // Another person is not shown the coordinators' page.
        var other = await PageClient.SignedInAsync(App, await App.CreatePrivateCitizenAsync());
        (await other.Http.GetAsync($"/Incidents/{incident}/CheckIns")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await other.Http.GetAsync($"/CheckIns/{(await db.CheckIns.SingleAsync()).Id}/Edit")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    private async Task<Guid> InResponseAsync()
    {
        var incident = (await IncidentData.LogAsync(await App.ClientAsAsync(Roles.AgencyStaff), IncidentData.ValidBody()))["id"]!.GetValue<Guid>();
        await using var db = App.Database.CreateContext();
        (await db.Incidents.SingleAsync(i => i.Id == incident)).TransitionTo(IncidentState.Response, "Confirmed", DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return incident;
    }
}
