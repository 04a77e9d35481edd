using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Organisations;

public sealed class OrganisationPagesTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task Directory_page_lists_and_filters_organisations_linking_to_each()
    {
        var redCross = await OrganisationData.StoreAsync(App.Database, "Qinghe Red Cross", OrganisationKind.CivicGroup, AdministrativeLevel.City, "Qinghe City");
        await OrganisationData.StoreAsync(App.Database, "Xiba Construction Co.", OrganisationKind.Enterprise, AdministrativeLevel.Town, "Xiba Town");
        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.AgencyStaff, OrganisationKind.Citizen));

        var (response, all) = await pages.GetAsync("/Organisations");
        var (_, civic) = await pages.GetAsync("/Organisations?kind=CivicGroup&area=qinghe");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        all.QuerySelectorAll(".organisation-name").Select(a => a.TextContent).ShouldContain("Xiba Construction Co.");
        var link = civic.QuerySelectorAll<IHtmlAnchorElement>(".organisation-name").ShouldHaveSingleItem();
        link.TextContent.ShouldBe("Qinghe Red Cross");
        link.GetAttribute("href").ShouldBe($"/Organisations/{redCross.Id}");
        civic.QuerySelector<IHtmlSelectElement>("select[name=kind]")!.Value.ShouldBe("CivicGroup");
        civic.QuerySelector<IHtmlInputElement>("input[name=area]")!.Value.ShouldBe("qinghe");
        all.QuerySelectorAll("form.filters label").Select(l => l.TextContent).ShouldBe(["Kind", "Level", "Area", "Name or area contains"]);
    }

    [Fact]
    public async Task Directory_page_explains_a_bad_filter()
    {
        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.AgencyStaff));

        var (response, document) = await pages.GetAsync("/Organisations?level=Province");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector(".validation-summary")!.TextContent.ShouldContain("'Province' is not valid. Use one of: Village, Town, City, Country.");
    }

    [Fact]
    public async Task Detail_page_shows_profile_and_charter_table_but_no_people_or_admin_forms_to_staff()
    {
        var staff = await App.CreateAsync(Roles.AgencyStaff, OrganisationKind.CivicGroup);
        var pages = await PageClient.SignedInAsync(App, staff);

        var (response, document) = await pages.GetAsync($"/Organisations/{staff.OrganisationId}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector(".facts")!.TextContent.ShouldContain("Mostly neutral; aid by need");
        var rows = document.QuerySelectorAll("#charter tbody tr");
        rows.Length.ShouldBe(19);
        Ticks(document, "Right.AssignTasks").ShouldBe(["Recovery"]);
        Ticks(document, "Right.ReportIncident").ShouldBe(["Warning", "Response", "Recovery"]);
        Ticks(document, "Right.LeadIncident").ShouldBeEmpty();
        document.QuerySelector("tr[data-item='Right.AssignTasks'] .source")!.TextContent.ShouldBe("default");
        document.QuerySelector("#people-heading").ShouldBeNull();
        document.QuerySelector("main form[method=post]").ShouldBeNull();
        document.QuerySelectorAll("a").Select(a => a.TextContent).ShouldNotContain("Edit");
    }

    [Fact]
    public async Task Administrator_sees_people_and_overrides_the_charter_from_the_detail_page()
    {
        var staff = await App.CreateAsync(Roles.AgencyStaff, OrganisationKind.Enterprise);
        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.Administrator));
        var url = $"/Organisations/{staff.OrganisationId}";

        var (_, before) = await pages.GetAsync(url);
        var (post, _) = await pages.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Input.Item"] = "ClaimTasks",
            ["Input.Phases"] = "Warning",
            ["Input.LegalBasis"] = "Contract with the city, clause 4",
        });
        var (_, after) = await pages.GetAsync(url);

        before.QuerySelector(".people")!.TextContent.ShouldContain(staff.Email);
        before.QuerySelectorAll("label").Select(l => l.TextContent.Trim()).ShouldContain("Right or obligation");
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Ticks(after, "Right.ClaimTasks").ShouldBe(["Warning"]);
        var row = after.QuerySelector("tr[data-item='Right.ClaimTasks']")!;
        row.QuerySelector(".source")!.TextContent.ShouldBe("override for this organisation");
        row.TextContent.ShouldContain("Contract with the city, clause 4");
        after.QuerySelector(".flash")!.TextContent.ShouldContain("ClaimTasks");
    }

    [Fact]
    public async Task Override_form_with_nothing_to_change_shows_the_message_and_keeps_the_page()
    {
        var staff = await App.CreateAsync(Roles.AgencyStaff, OrganisationKind.Enterprise);
        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.Administrator));

        var (response, document) = await pages.SubmitAsync($"/Organisations/{staff.OrganisationId}", new Dictionary<string, string>
        {
            ["Input.Item"] = "VerifyIncident",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector("[data-valmsg-for='Input.Phases']")!.TextContent.ShouldContain("Nothing to change");
        document.QuerySelectorAll("#charter tbody tr").Length.ShouldBe(19);
        document.QuerySelector<IHtmlSelectElement>("select[name='Input.Item']")!.Value.ShouldBe("VerifyIncident");
    }

    [Fact]
    public async Task Administrator_registers_an_organisation_through_the_form()
    {
        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.Administrator));

        var (response, _) = await pages.SubmitAsync("/Organisations/New", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Enterprise",
            ["Input.Name"] = "Riverside Pumps Ltd",
            ["Input.Level"] = "Town",
            ["Input.AreaName"] = "Dongshan Town",
            ["Input.ContactPhone"] = "+86 27 0000 7001",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = App.Database.CreateContext();
        var stored = await db.Organisations.SingleAsync(o => o.Name == "Riverside Pumps Ltd");
        stored.Kind.ShouldBe(OrganisationKind.Enterprise);
        stored.Profile.ShouldBe(OrganisationProfile.DefaultFor(OrganisationKind.Enterprise));
        response.Headers.Location!.ToString().ShouldBe($"/Organisations/{stored.Id}");
    }

    [Fact]
    public async Task Registration_form_shows_errors_at_the_fields_and_keeps_the_input()
    {
        await OrganisationData.StoreAsync(App.Database, "Riverside Pumps Ltd", OrganisationKind.Enterprise, AdministrativeLevel.Town, "Dongshan");
        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.Administrator));

        var (response, document) = await pages.SubmitAsync("/Organisations/New", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Enterprise",
            ["Input.Name"] = "Riverside Pumps Ltd",
            ["Input.Level"] = "",
            ["Input.AreaName"] = "Dongshan Town",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector("[data-valmsg-for='Input.Name']")!.TextContent.ShouldContain("already registered");
        document.QuerySelector("[data-valmsg-for='Input.Level']")!.TextContent.ShouldContain("Choose the administrative level");
        document.QuerySelector<IHtmlInputElement>("input[name='Input.AreaName']")!.Value.ShouldBe("Dongshan Town");
        foreach (var field in document.QuerySelectorAll("form input:not([type=hidden]), form select, form textarea"))
        {
            document.QuerySelector($"label[for='{field.Id}']").ShouldNotBeNull($"field {field.GetAttribute("name")} has no label");
        }
    }

    [Theory]
    [InlineData("/Organisations/New")]
    [InlineData("/Organisations/{id}/Edit")]
    public async Task Non_administrators_get_the_access_denied_page_for_the_forms(string url)
    {
        var staff = await App.CreateAsync(Roles.Coordinator);
        var pages = await PageClient.SignedInAsync(App, staff);

        var (response, _) = await pages.GetAsync(url.Replace("{id}", staff.OrganisationId.ToString(), StringComparison.Ordinal));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Fact]
    public async Task Administrator_edits_an_organisation_and_a_stale_form_is_refused_with_the_input_kept()
    {
        var organisation = await OrganisationData.StoreAsync(App.Database, "Old Name", OrganisationKind.Government, AdministrativeLevel.Town, "Xiba Town");
        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.Administrator));
        var url = $"/Organisations/{organisation.Id}/Edit";
        var (_, form) = await pages.GetAsync(url);
        var staleVersion = form.QuerySelector<IHtmlInputElement>("input[name='Input.Version']")!.Value;

        var (saved, _) = await pages.SubmitAsync(url, EditForm("New Name", staleVersion));
        var (refused, document) = await pages.SubmitAsync(url, EditForm("Lost Update", staleVersion));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector(".validation-summary")!.TextContent.ShouldContain("This organisation was changed by someone else");
        document.QuerySelector<IHtmlInputElement>("input[name='Input.Name']")!.Value.ShouldBe("Lost Update");
        await using var db = App.Database.CreateContext();
        (await db.Organisations.SingleAsync(o => o.Id == organisation.Id)).Name.ShouldBe("New Name");
    }

    [Fact]
    public async Task Unknown_organisation_page_is_404()
    {
        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.AgencyStaff));

        var (response, document) = await pages.GetAsync($"/Organisations/{Guid.NewGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        document.QuerySelector("h1")!.TextContent.ShouldBe("Not found");
    }

    private static Dictionary<string, string> EditForm(string name, string version) => new()
    {
        ["Input.Version"] = version,
        ["Input.Name"] = name,
        ["Input.Level"] = "Town",
        ["Input.AreaName"] = "Xiba Town",
    };

    private static List<string> Ticks(IDocument document, string key) =>
        [.. document.QuerySelectorAll($"#charter tr[data-item='{key}'] td.phase-cell")
            .Where(td => td.TextContent.Contains('✓', StringComparison.Ordinal))
            .Select(td => td.GetAttribute("data-phase")!)];
}
