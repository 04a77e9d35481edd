using System.Globalization;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.BrowserTests.Infrastructure;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Warnings;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrisisCoord.BrowserTests.Localization;

/// <summary>
/// Issue 16's flow: a coordinator whose browser asks for Chinese, in Beijing, runs the flood in Chinese — verifies
/// it, names the lead, gives a task due at 18:00 local time, drafts a warning — and switches to English half-way
/// through the warning without losing what was typed. The page texts are read from the resource files, so the test
/// follows their wording.
/// </summary>
public sealed class ChineseFloodFlowInBrowserTests(BrowserApp app) : BrowserTest(app)
{
    protected override string Role => Roles.Coordinator;

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    private static string Zh(string key, params object[] args) =>
        string.Format(Chinese, Texts.Resources.GetString(key, Chinese) ?? throw new KeyNotFoundException(key), args);

    private static string En(string key) => Texts.Resources.GetString(key, CultureInfo.InvariantCulture) ?? throw new KeyNotFoundException(key);

    [Fact]
    public async Task A_chinese_coordinator_runs_the_flood_in_chinese_and_switches_to_english_mid_warning_without_losing_it()
    {
        var ngo = await App.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup, AdministrativeLevel.City);
        var staff = await App.ClientForAsync(await App.CreateAsync(Roles.AgencyStaff));
        var id = (await IncidentData.LogAsync(staff, IncidentData.ValidBody("青河东岸堤防水位上涨").With("severity", "III")))["id"]!.GetValue<Guid>();
        await using (var db = App.Database.CreateContext())
        {
            db.IncidentParticipants.Add(IncidentParticipant.Admit(id, ngo.OrganisationId, "冲锋舟队", null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var page = await App.NewPageAsync(locale: "zh-CN", timeZone: "Asia/Shanghai");
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel(Zh("SignIn.Email")).FillAsync(Me.Email);
        await page.GetByLabel(Zh("SignIn.Password")).FillAsync(Me.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = Zh("SignIn.Title") }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/SignIn"));

        // Verify: the report becomes a warning-phase incident.
        await page.GotoAsync($"/Incidents/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = Zh("Incidents.Details.VerifyOrDismiss") }).ClickAsync();
        await page.Locator("input[name='Input.To'][value='Warning']").CheckAsync();
        await page.GetByLabel(Zh("Common.Reason")).FillAsync("水位超过警戒线，堤防有渗漏。");
        await page.GetByRole(AriaRole.Button, new() { Name = Zh("Incidents.Details.ChangeState") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(Zh("Incidents.Transition.Done", Zh("IncidentState.Warning")));
        await Expect(page.Locator(".incident-head .state")).ToHaveTextAsync(Zh("IncidentState.Warning"));

        // Lead: the coordinator's own government takes it.
        await page.GetByRole(AriaRole.Link, new() { Name = Zh("Incidents.Details.NameLead") }).ClickAsync();
        await page.Locator($"input[name='Input.OrganisationId'][value='{Me.OrganisationId}']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = Zh("Incidents.Details.NameLead") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("牵头");
        await BrowserApp.ScreenshotAsync(page, "zh-flood-verified-and-led");

        // Task: due at 18:00 on the reader's clock in Beijing, which is 10:00 UTC.
        await page.GotoAsync($"/Incidents/{id}/Tasks/New");
        await Expect(page.Locator("label[for='Input_DueAt']")).ToContainTextAsync("Asia/Shanghai");
        await page.GetByLabel(Zh("Incidents.NewTask.What")).FillAsync("用冲锋舟转移东岸农户");
        await page.Locator("select[name='Input.AssignedOrganisationId']").SelectOptionAsync(new SelectOptionValue { Value = ngo.OrganisationId.ToString() });
        await page.Locator("input[name='Input.DueAt']").FillAsync("2026-12-20T18:00");
        await page.GetByRole(AriaRole.Button, new() { Name = Zh("Incidents.NewTask.Create") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("用冲锋舟转移东岸农户");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已交给");

        // Warning: typed in Chinese, then the reader switches to English half-way; what was typed stays.
        await page.GotoAsync($"/Incidents/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = Zh("Shared.Warnings.Draft") }).First.ClickAsync();
        await page.Locator("input[name='Input.Headline']").FillAsync("洪水预警：青河东岸");
        await page.Locator("textarea[name='Input.Description']").FillAsync("青河水位将在数小时内漫过东岸堤防。");
        await page.Locator("textarea[name='Input.Instruction']").FillAsync("请立即前往东山中学，只带随身物品。");
        await page.Locator("select[name='Input.Urgency']").SelectOptionAsync(new SelectOptionValue { Label = Zh("CapUrgency.Immediate") });
        await page.Locator("select[name='Input.Certainty']").SelectOptionAsync(new SelectOptionValue { Label = Zh("CapCertainty.Likely") });
        await page.Locator("input[name='Input.ResponseTypes'][value='Evacuate']").CheckAsync();
        await page.Locator("input[name='Input.Areas[0].Description']").FillAsync("东岸农田");
        await page.Locator("input[name='Input.Areas[0].Latitude']").FillAsync("30.52");
        await page.Locator("input[name='Input.Areas[0].Longitude']").FillAsync("114.31");
        await page.Locator("input[name='Input.Areas[0].RadiusKm']").FillAsync("3");
        await BrowserApp.ScreenshotAsync(page, "zh-flood-warning-typed-in-chinese");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = En("Warnings.SaveDraft") })).ToBeVisibleAsync();
        await Expect(page.Locator("input[name='Input.Headline']")).ToHaveValueAsync("洪水预警：青河东岸");
        await Expect(page.Locator("textarea[name='Input.Description']")).ToHaveValueAsync("青河水位将在数小时内漫过东岸堤防。");
        await Expect(page.Locator("textarea[name='Input.Instruction']")).ToHaveValueAsync("请立即前往东山中学，只带随身物品。");
        await Expect(page.Locator("select[name='Input.Urgency'] option:checked")).ToHaveTextAsync(En("CapUrgency.Immediate"));
        await Expect(page.Locator("select[name='Input.Certainty'] option:checked")).ToHaveTextAsync(En("CapCertainty.Likely"));
        await Expect(page.Locator("input[name='Input.ResponseTypes'][value='Evacuate']")).ToBeCheckedAsync();
        await Expect(page.Locator("input[name='Input.Areas[0].Description']")).ToHaveValueAsync("东岸农田");
        await Expect(page.Locator("input[name='Input.Areas[0].RadiusKm']")).ToHaveValueAsync("3");
        await BrowserApp.ScreenshotAsync(page, "zh-flood-warning-kept-in-english");
        await page.GetByRole(AriaRole.Button, new() { Name = En("Warnings.SaveDraft") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(En("Warnings.Drafted.Flash"));

        await using var check = App.Database.CreateContext();
        var incident = await check.Incidents.SingleAsync(i => i.Id == id);
        (incident.State, incident.LeadOrganisationId).ShouldBe((IncidentState.Warning, (Guid?)Me.OrganisationId));
        var task = await check.Tasks.SingleAsync(t => t.IncidentId == id);
        (task.Title, task.AssignedOrganisationId).ShouldBe(("用冲锋舟转移东岸农户", (Guid?)ngo.OrganisationId));
        task.DueAt.ShouldBe(new DateTimeOffset(2026, 12, 20, 10, 0, 0, TimeSpan.Zero));
        var warning = await check.Warnings.SingleAsync(w => w.IncidentId == id);
        (warning.Headline, warning.State, warning.Urgency, warning.Certainty).ShouldBe(("洪水预警：青河东岸", WarningState.Draft, CapUrgency.Immediate, CapCertainty.Likely));
        (await check.Users.SingleAsync(u => u.Id == Me.UserId)).PreferredLanguage.ShouldBe("en", "the switch is kept as the person's choice");
    }
}
