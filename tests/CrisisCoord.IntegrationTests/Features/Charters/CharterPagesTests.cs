using System.Net;
using AngleSharp.Dom;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Charters;

public sealed class CharterPagesTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task Charters_page_renders_the_matrix_of_kinds_rights_and_phases_for_any_signed_in_user()
    {
        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.Citizen, OrganisationKind.Citizen));

        var (response, document) = await pages.GetAsync("/Charters");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelectorAll("#charter-matrix thead th.kind-col").Select(th => th.TextContent)
            .ShouldBe(["Government", "Civic group", "Enterprise", "Citizens' group"]);
        document.QuerySelectorAll("#charter-matrix tbody tr[data-item]").Select(tr => tr.GetAttribute("data-item"))
            .ShouldBe([.. Enum.GetNames<Right>().Select(r => $"Right.{r}"), .. Enum.GetNames<Obligation>().Select(o => $"Obligation.{o}")]);
        Ticks(document, "Right.AssignTasks", "CivicGroup").ShouldBe(["Recovery"]);
        Ticks(document, "Right.RegisterResources", "Citizen").ShouldBe(["Response", "Recovery"]);
        Ticks(document, "Right.PublishAlert", "Enterprise").ShouldBeEmpty();
        document.QuerySelector("main form[method=post]").ShouldBeNull();
        document.QuerySelector("#history-heading").ShouldBeNull();
    }

    [Fact]
    public async Task Administrator_changes_a_kind_default_on_the_page_and_sees_it_in_the_matrix_and_history()
    {
        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.Administrator));

        var (post, _) = await pages.SubmitAsync("/Charters", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Enterprise",
            ["Input.Item"] = "RequestResources",
            ["Input.Phases"] = "Response",
            ["Input.LegalBasis"] = "Civil Protection Agreement 2026",
        });
        var (_, document) = await pages.GetAsync("/Charters");

        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Ticks(document, "Right.RequestResources", "Enterprise").ShouldBe(["Response"]);
        var cell = document.QuerySelector("tr[data-item='Right.RequestResources'] td[data-kind=Enterprise][data-phase=Response]")!;
        cell.ClassList.ShouldContain("changed");
        cell.GetAttribute("title")!.ShouldContain("Civil Protection Agreement 2026");
        var history = document.QuerySelector(".charter-changes tbody tr")!.TextContent;
        history.ShouldContain("Test Administrator");
        history.ShouldContain("Every Enterprise");
        history.ShouldContain("none → Response");
        await using var db = App.Database.CreateContext();
        (await db.CharterChanges.SingleAsync()).ToPhases.ShouldBe(Phases.Response);
    }

    [Fact]
    public async Task Bad_item_on_the_page_is_shown_at_the_field_and_nothing_is_written()
    {
        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.Administrator));

        var (response, document) = await pages.SubmitAsync("/Charters", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Enterprise",
            ["Input.Item"] = "SubmitSitRep",
            ["Input.Phases"] = "Response",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector("[data-valmsg-for='Input.Item']")!.TextContent.ShouldContain("both a right and an obligation");
        document.QuerySelector("input[name='Input.Phases'][value=Response]")!.HasAttribute("checked").ShouldBeTrue();
        document.QuerySelectorAll("#charter-matrix tbody tr[data-item]").Length.ShouldBe(19);
        await using var db = App.Database.CreateContext();
        (await db.CharterChanges.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Non_administrator_posting_a_change_gets_the_access_denied_page()
    {
        var pages = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.Coordinator));

        // No change form is shown to them; post one anyway, with their own session's antiforgery token.
        var (response, _) = await pages.SubmitAsync("/Charters", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Government",
            ["Input.Item"] = "LeadIncident",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        await using var db = App.Database.CreateContext();
        (await db.CharterChanges.CountAsync()).ShouldBe(0);
    }

    private static List<string> Ticks(IDocument document, string key, string kind) =>
        [.. document.QuerySelectorAll($"#charter-matrix tr[data-item='{key}'] td[data-kind='{kind}']")
            .Where(td => td.TextContent.Contains('✓', StringComparison.Ordinal))
            .Select(td => td.GetAttribute("data-phase")!)];
}
