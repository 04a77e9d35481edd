using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CrisisCoord.Application.Security;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Incidents;

public sealed class IncidentPagesTests(CrisisCoordApp app) : AppTest(app)
{
    private static Dictionary<string, string> ValidForm() => new()
    {
        ["Input.Title"] = "School roof collapsed",
        ["Input.Description"] = "Part of the gym roof fell in; no one inside.",
        ["Input.Category"] = "AccidentDisaster",
        ["Input.Severity"] = "III",
        ["Input.PlaceName"] = "Xiba Middle School",
        ["Input.Latitude"] = "30.6901",
        ["Input.Longitude"] = "114.1035",
    };

    [Fact]
    public async Task Posting_the_form_logs_the_incident_and_redirects_to_its_page()
    {
        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.AgencyStaff));

        var (response, _) = await pages.SubmitAsync("/Incidents/New", ValidForm());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = App.Database.CreateContext();
        var stored = await db.Incidents.SingleAsync();
        stored.Title.ShouldBe("School roof collapsed");
        stored.Latitude.ShouldBe(30.6901);
        response.Headers.Location!.ToString().ShouldBe($"/Incidents/{stored.Id}");

        var (detail, document) = await pages.GetAsync(response.Headers.Location.ToString());
        detail.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector("h1")!.TextContent.ShouldBe("School roof collapsed");
        document.QuerySelector(".flash")!.TextContent.ShouldContain("your report is in");
        document.QuerySelector(".severity")!.ClassList.ShouldContain("severity-yellow");
    }

    [Fact]
    public async Task Invalid_form_shows_messages_at_the_fields_keeps_the_input_and_writes_nothing()
    {
        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.AgencyStaff));
        var form = ValidForm();
        form["Input.Title"] = "";
        form["Input.Latitude"] = "91";

        var (response, document) = await pages.SubmitAsync("/Incidents/New", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        FieldError(document, "Input.Title").ShouldNotBeNullOrWhiteSpace();
        FieldError(document, "Input.Latitude").ShouldContain("between -90 and 90");
        FieldError(document, "Input.Longitude").ShouldBeEmpty();
        Input(document, "Input.Latitude").Value.ShouldBe("91");
        Input(document, "Input.PlaceName").Value.ShouldBe("Xiba Middle School");
        document.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Description']")!.Value
            .ShouldBe("Part of the gym roof fell in; no one inside.");
        document.QuerySelector<IHtmlInputElement>("input[name='Input.Category'][value='AccidentDisaster']")!.IsChecked.ShouldBeTrue();
        document.QuerySelector<IHtmlInputElement>("input[name='Input.Severity'][value='III']")!.IsChecked.ShouldBeTrue();
        (await IncidentData.CountAsync(App.Database)).ShouldBe(0);
    }

    [Fact]
    public async Task Unreadable_number_is_explained_alongside_the_other_errors()
    {
        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.AgencyStaff));
        var form = ValidForm();
        form["Input.Latitude"] = "north-ish";
        form["Input.PlaceName"] = "";

        var (response, document) = await pages.SubmitAsync("/Incidents/New", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        FieldError(document, "Input.Latitude").ShouldContain("'north-ish' is not a valid value");
        FieldError(document, "Input.PlaceName").ShouldNotBeNullOrWhiteSpace();
        Input(document, "Input.Latitude").Value.ShouldBe("north-ish");
        (await IncidentData.CountAsync(App.Database)).ShouldBe(0);
    }

    [Theory]
    [InlineData("4,5")]
    [InlineData("1,000")]
    [InlineData("30.5.1")]
    [InlineData("NaN")]
    public async Task Number_with_separators_or_junk_is_refused_not_misread(string latitude)
    {
        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.AgencyStaff));
        var form = ValidForm();
        form["Input.Latitude"] = latitude;

        var (response, document) = await pages.SubmitAsync("/Incidents/New", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        FieldError(document, "Input.Latitude").ShouldContain($"'{latitude}' is not a valid value");
        (await IncidentData.CountAsync(App.Database)).ShouldBe(0);
    }

    [Fact]
    public async Task Control_characters_in_text_are_refused_at_the_field()
    {
        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.AgencyStaff));
        var form = ValidForm();
        form["Input.Title"] = "Roof\u0007collapse";

        var (response, document) = await pages.SubmitAsync("/Incidents/New", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        FieldError(document, "Input.Title").ShouldContain("control characters");
        Input(document, "Input.PlaceName").Value.ShouldBe("Xiba Middle School");
        (await IncidentData.CountAsync(App.Database)).ShouldBe(0);
    }

    [Fact]
    public async Task A_nul_character_in_a_form_is_a_400_page_and_writes_nothing()
    {
        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.AgencyStaff));
        var form = ValidForm();
        form["Input.Title"] = "Roof\u0000collapse";

        var (response, document) = await pages.SubmitAsync("/Incidents/New", form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        document.QuerySelector("h1")!.TextContent.ShouldBe("The request could not be read");
        (await IncidentData.CountAsync(App.Database)).ShouldBe(0);
    }

    [Fact]
    public async Task Post_without_antiforgery_token_is_refused_and_writes_nothing()
    {
        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.AgencyStaff));

        var (response, _) = await pages.SubmitAsync("/Incidents/New", ValidForm(), includeAntiforgeryToken: false);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await IncidentData.CountAsync(App.Database)).ShouldBe(0);
    }

    [Fact]
    public async Task List_page_shows_incidents_newest_first_and_filters_them()
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);
        await IncidentData.LogAsync(client, IncidentData.ValidBody("River flood"));
        await IncidentData.LogAsync(client, IncidentData.ValidBody("Gas leak").With("category", "AccidentDisaster"));
        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.AgencyStaff));

        var (all, allDoc) = await pages.GetAsync("/Incidents");
        var (_, filteredDoc) = await pages.GetAsync("/Incidents?category=NaturalDisaster");

        all.StatusCode.ShouldBe(HttpStatusCode.OK);
        allDoc.QuerySelectorAll(".incident-title").Select(a => a.TextContent).ShouldBe(["Gas leak", "River flood"]);
        filteredDoc.QuerySelectorAll(".incident-title").Select(a => a.TextContent).ShouldBe(["River flood"]);
        filteredDoc.QuerySelector<IHtmlSelectElement>("select[name=category]")!.Value.ShouldBe("NaturalDisaster");
    }

    [Fact]
    public async Task List_page_with_a_bad_filter_explains_it_instead_of_failing()
    {
        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.AgencyStaff));

        var (response, document) = await pages.GetAsync("/Incidents?category=Flood&limit=abc");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var summary = document.QuerySelector(".validation-summary")!.TextContent;
        summary.ShouldContain("'abc' is not a valid value");
        summary.ShouldContain("'Flood' is not valid");
    }

    [Fact]
    public async Task Unknown_incident_page_is_404()
    {
        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.AgencyStaff));

        var (response, document) = await pages.GetAsync($"/Incidents/{Guid.NewGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        document.QuerySelector("h1")!.TextContent.ShouldBe("Not found");
    }

    private static string FieldError(IDocument document, string field) =>
        (document.QuerySelector($"[data-valmsg-for='{field}']")
            ?? throw new InvalidOperationException($"the form has no message element for {field}")).TextContent.Trim();

    private static IHtmlInputElement Input(IDocument document, string name) =>
        document.QuerySelector<IHtmlInputElement>($"input[name='{name}']")!;
}
