using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Features.Resources;
using CrisisCoord.IntegrationTests.Features.Tasks;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisCoord.IntegrationTests.Features.Localization;

/// <summary>The validators' own messages, and the field names in FluentValidation's, in the reader's language (ADR 0036).</summary>
public sealed class ValidationInChineseTests(CrisisCoordApp app) : AppTest(app)
{
    private static async Task<(HttpStatusCode Status, JsonObject Errors)> PostAsync(HttpClient client, string url, JsonNode body, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (response.StatusCode, problem["errors"]!.AsObject());
    }

    private static string First(JsonObject errors, string field) => errors[field]![0]!.GetValue<string>();

    [Fact]
    public async Task A_task_without_a_title_and_with_too_long_a_description_is_explained_in_chinese_and_in_english()
    {
        var scene = await TaskScene.CreateAsync(App);
        var body = new JsonObject { ["title"] = " ", ["description"] = new string('x', 5000), ["priority"] = "Normal" };
        var url = $"/api/v1/incidents/{scene.Incident}/tasks";

        var (zhStatus, zh) = await PostAsync(scene.CoordinatorClient, url, body.DeepClone(), "zh-CN");
        var (enStatus, en) = await PostAsync(scene.CoordinatorClient, url, body.DeepClone(), "en");

        (zhStatus, enStatus).ShouldBe((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest));
        First(zh, "title").ShouldBe("请说明要做什么。");
        First(en, "title").ShouldBe("Say what is to be done.");
        // FluentValidation's own wording names the field in the reader's language too.
        First(zh, "description").ShouldContain("'描述'");
        First(zh, "description").ShouldNotContain("Description");
        First(en, "description").ShouldContain("'Description'");
        await using var db = App.Database.CreateContext();
        (await db.Tasks.CountAsync(t => t.IncidentId == scene.Incident)).ShouldBe(0);
    }

    [Fact]
    public async Task A_place_off_the_globe_is_refused_in_chinese_with_the_value_given()
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);

        var (status, zh) = await PostAsync(client, "/api/v1/incidents", IncidentData.ValidBody().With("latitude", 91.5), "zh-CN");
        var (_, en) = await PostAsync(client, "/api/v1/incidents", IncidentData.ValidBody().With("latitude", 91.5), "en");

        status.ShouldBe(HttpStatusCode.BadRequest);
        First(zh, "latitude").ShouldBe("纬度必须在 -90 到 90 度之间（收到的是 91.5）。");
        First(en, "latitude").ShouldBe("Latitude must be between -90 and 90 degrees (got 91.5).");
    }

    [Fact]
    public async Task A_value_the_reader_typed_is_quoted_in_the_chinese_message_as_typed()
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);

        var (status, zh) = await PostAsync(client, "/api/v1/incidents", IncidentData.ValidBody().With("category", "<b>Flood</b>"), "zh-CN");

        status.ShouldBe(HttpStatusCode.BadRequest);
        First(zh, "category").ShouldStartWith("“<b>Flood</b>”无效。请使用以下之一：");
    }

    [Fact]
    public async Task A_page_form_shows_the_validators_messages_in_chinese_at_their_fields()
    {
        var actor = await App.CreateAsync(Roles.Coordinator);
        var pages = await PageClient.SignedInAsync(App, actor);
        pages.Cookies.Add(pages.Http.BaseAddress!, new Cookie(".AspNetCore.Culture", "c=zh-CN|uic=zh-CN"));

        var (response, document) = await pages.SubmitAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "",
            ["Input.NewPassword"] = "a-brand-new-password-7",
            ["Input.ConfirmNewPassword"] = "another-new-password-8",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector("[data-valmsg-for='Input.CurrentPassword']")!.TextContent.Trim().ShouldBe("请输入当前密码。");
        document.QuerySelector("[data-valmsg-for='Input.ConfirmNewPassword']")!.TextContent.Trim().ShouldBe("两次输入的新密码不一致。");
        // What was typed stays in the form.
        document.QuerySelector("input[name='Input.NewPassword']").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused_in_chinese_at_its_field()
    {
        var actor = await App.CreateAsync(Roles.Coordinator);
        var pages = await PageClient.SignedInAsync(App, actor);
        pages.Cookies.Add(pages.Http.BaseAddress!, new Cookie(".AspNetCore.Culture", "c=zh-CN|uic=zh-CN"));

        var (response, document) = await pages.SubmitAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "not-my-password-at-all-3",
            ["Input.NewPassword"] = "a-brand-new-password-7",
            ["Input.ConfirmNewPassword"] = "a-brand-new-password-7",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector("[data-valmsg-for='Input.CurrentPassword']")!.TextContent.Trim().ShouldBe("当前密码不正确。");
    }

    [Fact]
    public async Task An_inventory_row_error_is_explained_in_chinese_with_the_column_name_and_value_as_written()
    {
        var client = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/resources/import")
        {
            Content = ResourceData.CsvUpload(ResourceData.InventoryCsv("drinking-water,\"12,5\",Depot <b>B</b>,30.6,114.3,,,")),
        };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        // The key and the CSV column stay machine-readable; the sentence around them is Chinese.
        First(errors, "row 2.quantity").ShouldBe("第 2 行 quantity 列：“12,5”不是数字；小数请使用英文句点（.）。");
    }

    [Fact]
    public async Task A_report_upload_with_a_latitude_that_is_not_a_number_is_refused_in_chinese()
    {
        var citizen = await App.ClientForAsync(await App.CreatePrivateCitizenAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reports")
        {
            Content = new MultipartFormDataContent
            {
                { new StringContent("Cracks in the reservoir dam"), "title" },
                { new StringContent("<script>north</script>"), "latitude" },
                { new StringContent("114.0513"), "longitude" },
            },
        };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        using var response = await citizen.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        First(errors, "latitude").ShouldBe("“<script>north</script>”不是数字。");
        await using var db = App.Database.CreateContext();
        (await db.IncidentReports.CountAsync()).ShouldBe(0);
    }
    [Fact]
    public async Task A_charter_change_that_changes_nothing_is_refused_in_chinese_naming_the_kind_and_phases()
    {
        var client = await App.ClientAsAsync(Roles.Administrator);
        async Task<string> RefusalAsync(string language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/charters/entries")
            {
                Content = JsonContent.Create(new JsonObject { ["kind"] = "CivicGroup", ["item"] = "AssignTasks", ["phases"] = new JsonArray("Recovery") }),
            };
            request.Headers.AcceptLanguage.ParseAdd(language);
            using var response = await client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            return First((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject(), "phases");
        }

        var zh = await RefusalAsync("zh-CN");
        var en = await RefusalAsync("en");

        en.ShouldBe("Nothing to change: the CivicGroup default already has AssignTasks in Recovery with the same legal basis.");
        zh.ShouldBe("无需更改：社会组织的默认职责章程在恢复阶段已有“分派任务”，法律依据也相同。");
        zh.ShouldNotContain("CivicGroup");
        zh.ShouldNotContain("AssignTasks");
    }

    [Fact]
    public async Task Identity_refusals_are_worded_in_the_readers_language_with_their_codes_kept()
    {
        var taken = await App.CreateAsync(Roles.AgencyStaff);
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var (ui, formatting) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
            var zh = await users.CreateAsync(new AppUser { UserName = taken.Email + ".x", Email = taken.Email }, "a-long-enough-password-1");
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en");
            var en = await users.CreateAsync(new AppUser { UserName = taken.Email + ".y", Email = taken.Email }, "a-long-enough-password-1");

            zh.Errors.Single(e => e.Code == "DuplicateEmail").Description.ShouldBe($"电子邮箱“{taken.Email}”已被使用。");
            en.Errors.Single(e => e.Code == "DuplicateEmail").Description.ShouldBe($"Email '{taken.Email}' is already taken.");
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formatting);
        }

        await using var db = App.Database.CreateContext();
        (await db.Users.CountAsync(u => u.Email == taken.Email)).ShouldBe(1);
    }
}
