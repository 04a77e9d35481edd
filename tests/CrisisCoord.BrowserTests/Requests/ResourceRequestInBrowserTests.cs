using CrisisCoord.Application.Security;
using CrisisCoord.BrowserTests.Infrastructure;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Features.Resources;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrisisCoord.BrowserTests.Requests;

/// <summary>The request thread in the browser: a coordinator asks, an NGO answers, the coordinator commits until the request is covered.</summary>
public sealed class ResourceRequestInBrowserTests(BrowserApp app) : BrowserTest(app)
{
    protected override string Role => Roles.Coordinator;

    [Fact]
    public async Task Coordinator_raises_a_request_the_ngo_offers_and_commitments_take_it_from_partial_to_full()
    {
        var staff = await App.ClientForAsync(await App.CreateAsync(Roles.AgencyStaff));
        var incident = (await IncidentData.LogAsync(staff, IncidentData.ValidBody("M6.1 earthquake near Xiba Town")))["id"]!.GetValue<Guid>();
        var ngo = await App.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup, AdministrativeLevel.City);
        await ResourceData.RegisterAsync(await App.ClientForAsync(ngo), ResourceData.Water(500));
        await using (var db = App.Database.CreateContext())
        {
            (await db.Incidents.SingleAsync(i => i.Id == incident)).TransitionTo(IncidentState.Response, "set-up", DateTimeOffset.UtcNow);
            db.IncidentParticipants.Add(IncidentParticipant.Admit(incident, ngo.OrganisationId, "Shelter and water", null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        // The coordinator raises the request from the incident page and asks the NGO, the one candidate.
        await Page.GotoAsync($"/Incidents/{incident}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Request resources" }).ClickAsync();
        await Page.GetByLabel("What is needed").SelectOptionAsync("drinking-water");
        await Page.GetByLabel("How many").FillAsync("300");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Raise request" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Request raised");
        var requestUrl = Page.Url;
        await Expect(Page.GetByText("Committed: None").First).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Ask ") }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Asked");

        // The NGO finds it among the requests it can answer, gets a refusal it can correct, then offers 200.
        var ngoPage = await App.NewPageAsync();
        await SignInAsync(ngoPage, ngo);
        await ngoPage.GotoAsync("/Requests");
        await ngoPage.GetByRole(AriaRole.Link, new() { Name = "300 litres of drinking water" }).ClickAsync();
        await ngoPage.GetByLabel("We cannot help with this").CheckAsync();
        await ngoPage.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        await Expect(ngoPage.Locator("[data-valmsg-for='Input.Note']")).ToContainTextAsync("Say why the organisation declines.");
        await ngoPage.GetByLabel("We will provide it").CheckAsync();
        await ngoPage.GetByLabel("From which of your resources").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await ngoPage.GetByLabel("How many").FillAsync("200");
        await ngoPage.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        await Expect(ngoPage.GetByRole(AriaRole.Status)).ToContainTextAsync("offered 200");

        // The coordinator commits it: partly covered.
        await Page.GotoAsync(requestUrl);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Commit" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Committed 200");
        await Expect(Page.GetByText("Committed: Partial").First).ToBeVisibleAsync();

        // A second answer of 100 and its commitment cover the request.
        await ngoPage.ReloadAsync();
        await ngoPage.GetByLabel("From which of your resources").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await ngoPage.GetByLabel("How many").FillAsync("100");
        await ngoPage.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        await Expect(ngoPage.GetByRole(AriaRole.Status)).ToContainTextAsync("offered 100");
        await Page.ReloadAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Commit" }).ClickAsync();
        await Expect(Page.GetByText("Committed: Full").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(Page, "request-coordinator-full");

        // The NGO reports its first delivery on the way.
        await ngoPage.ReloadAsync();
        await ngoPage.GetByRole(AriaRole.Button, new() { Name = "Mark en route" }).First.ClickAsync();
        await Expect(ngoPage.GetByRole(AriaRole.Status)).ToContainTextAsync("en route");
        await BrowserApp.ScreenshotAsync(ngoPage, "request-ngo");
        await ngoPage.Context.CloseAsync();

        // Met: the coordinator closes it, saying why; the answer form and commit buttons are gone.
        await Page.ReloadAsync();
        await Page.GetByLabel("Why").FillAsync("All 300 litres committed; the school has its own tank again");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Close the request" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("The request is closed.");
        await Expect(Page.GetByText("the school has its own tank again")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Close the request" })).ToHaveCountAsync(0);

        await using var check = App.Database.CreateContext();
        (await check.Resources.SingleAsync()).Committed.ShouldBe(300);
    }
}
