using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Resources;

public sealed class ResourcePagesTests(CrisisCoordApp app) : AppTest(app)
{
    private static Dictionary<string, string> WaterForm(string quantity = "200") => new()
    {
        ["Input.Type"] = "drinking-water",
        ["Input.Quantity"] = quantity,
        ["Input.PlaceName"] = "Red Cross depot, Qinghe North",
        ["Input.Latitude"] = "30.6012",
        ["Input.Longitude"] = "114.3105",
        ["Input.Notes"] = "",
    };

    [Fact]
    public async Task Resource_manager_registers_through_the_form_and_lands_on_the_resource()
    {
        var manager = await App.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        var pages = await PageClient.SignedInAsync(App, manager);

        var (response, _) = await pages.SubmitAsync("/Resources/New", WaterForm());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = App.Database.CreateContext();
        var stored = await db.Resources.SingleAsync();
        stored.Quantity.ShouldBe(200);
        response.Headers.Location!.ToString().ShouldBe($"/Resources/{stored.Id}");
        var (_, page) = await pages.GetAsync($"/Resources/{stored.Id}");
        page.QuerySelector("h1")!.TextContent.ShouldBe("200 litres · Drinking water");
        page.QuerySelector(".flash")!.TextContent.ShouldContain("Registered");
    }

    [Fact]
    public async Task Bad_values_are_explained_at_their_fields_and_nothing_is_written()
    {
        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup));
        var form = WaterForm("-5");
        form["Input.Latitude"] = "30,6";
        form["Input.Type"] = "";

        var (response, document) = await pages.SubmitAsync("/Resources/New", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Error(document, "Input.Latitude").ShouldContain("'30,6' is not a valid value");
        Error(document, "Input.Quantity").ShouldContain("cannot be negative");
        Error(document, "Input.Type").ShouldContain("Choose the type");
        document.QuerySelector<IHtmlInputElement>("input[name='Input.PlaceName']")!.Value.ShouldBe("Red Cross depot, Qinghe North");
        await using var db = App.Database.CreateContext();
        (await db.Resources.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Editing_with_a_stale_version_keeps_the_edit_on_screen_and_says_why()
    {
        var manager = await App.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        var pages = await PageClient.SignedInAsync(App, manager);
        await pages.SubmitAsync("/Resources/New", WaterForm());
        Guid id;
        await using (var db = App.Database.CreateContext())
        {
            id = (await db.Resources.SingleAsync()).Id;
        }

        var (_, editPage) = await pages.GetAsync($"/Resources/{id}/Edit");
        var staleVersion = editPage.QuerySelector<IHtmlInputElement>("input[name='Input.Version']")!.Value;
        var first = WaterForm("150");
        first["Input.Version"] = staleVersion;
        (await pages.SubmitAsync($"/Resources/{id}/Edit", first)).Response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var second = WaterForm("90");
        second["Input.Version"] = staleVersion;
        var (response, document) = await pages.SubmitAsync($"/Resources/{id}/Edit", second);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector(".validation-summary")!.TextContent.ShouldContain("changed by someone else");
        document.QuerySelector<IHtmlInputElement>("input[name='Input.Quantity']")!.Value.ShouldBe("90");
        await using var check = App.Database.CreateContext();
        (await check.Resources.SingleAsync()).Quantity.ShouldBe(150);
    }

    [Fact]
    public async Task Search_page_lists_resources_for_a_coordinator_without_register_button()
    {
        var manager = await App.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        await (await PageClient.SignedInAsync(App, manager)).SubmitAsync("/Resources/New", WaterForm());
        var coordinator = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.Coordinator));

        var (response, document) = await coordinator.GetAsync("/Resources?type=drinking-water&nearLatitude=30.69&nearLongitude=114.10");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var row = document.QuerySelectorAll("tbody tr").ShouldHaveSingleItem();
        row.TextContent.ShouldContain("Drinking water");
        row.TextContent.ShouldContain("200 litres");
        row.QuerySelector("[data-label=Distance]")!.TextContent.ShouldEndWith("km");
        document.QuerySelector("a[href='/Resources/New']").ShouldBeNull();
    }

    [Fact]
    public async Task Organisation_page_lists_what_the_organisation_holds()
    {
        var manager = await App.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        await (await PageClient.SignedInAsync(App, manager)).SubmitAsync("/Resources/New", WaterForm("1"));
        var coordinator = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.Coordinator));

        var (response, document) = await coordinator.GetAsync($"/Organisations/{manager.OrganisationId}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var section = document.QuerySelector("[aria-labelledby=resources-heading]")!;
        section.TextContent.ShouldContain("1 litre");
        section.TextContent.ShouldContain("Drinking water");
    }

    [Fact]
    public async Task Register_page_is_refused_to_agency_staff()
    {
        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.AgencyStaff));

        var response = await pages.PostDirectAsync("/Resources/New", WaterForm());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        await using var db = App.Database.CreateContext();
        (await db.Resources.CountAsync()).ShouldBe(0);
    }

    private static string Error(IDocument document, string field) =>
        (document.QuerySelector($"[data-valmsg-for='{field}']") ?? throw new InvalidOperationException($"no message element for {field}")).TextContent;
}
