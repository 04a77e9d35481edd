using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CrisisCoord.Application.Security;
using CrisisCoord.IntegrationTests.Features.Tasks;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Localization;

/// <summary>API errors in the language the client asks for (Accept-Language); field names, status and type stay the same.</summary>
public sealed partial class ProblemLanguageTests(CrisisCoordApp app) : AppTest(app)
{
    private static async Task<(HttpStatusCode Status, JsonObject Problem)> PostAsync(HttpClient client, string url, JsonNode body, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    private static string[] Fields(JsonObject problem) => [.. problem["errors"]!.AsObject().Select(e => e.Key).Order()];

    [Fact]
    public async Task Invalid_fields_are_explained_in_chinese_when_asked_with_the_same_field_names()
    {
        var scene = await TaskScene.CreateAsync(App);
        var body = new JsonObject { ["title"] = "Sandbags to the levee", ["description"] = new string('x', 5000), ["priority"] = "Normal" };
        var url = $"/api/v1/incidents/{scene.Incident}/tasks";

        var (zhStatus, zh) = await PostAsync(scene.CoordinatorClient, url, body.DeepClone(), "zh-CN,zh;q=0.9");
        var (enStatus, en) = await PostAsync(scene.CoordinatorClient, url, body.DeepClone(), "en-GB,en;q=0.9");

        (zhStatus, enStatus).ShouldBe((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest));
        zh["title"]!.GetValue<string>().ShouldBe("请求中有无效的字段。");
        zh["detail"]!.GetValue<string>().ShouldBe("请更正 'errors' 中列出的字段后重新发送。");
        en["title"]!.GetValue<string>().ShouldBe("The request has invalid fields.");
        en["detail"]!.GetValue<string>().ShouldBe("Correct the fields listed in 'errors' and send it again.");
        Fields(zh).ShouldBe(["description"]);
        Fields(en).ShouldBe(Fields(zh));
        zh["type"]!.GetValue<string>().ShouldBe(en["type"]!.GetValue<string>());
        // FluentValidation's own wording comes in the request's language too.
        Chinese().IsMatch(zh["errors"]!["description"]![0]!.GetValue<string>()).ShouldBeTrue(zh["errors"]!.ToJsonString());
        Chinese().IsMatch(en["errors"]!["description"]![0]!.GetValue<string>()).ShouldBeFalse(en["errors"]!.ToJsonString());
        await using var db = App.Database.CreateContext();
        (await db.Tasks.CountAsync(t => t.IncidentId == scene.Incident)).ShouldBe(0);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_explained_in_chinese()
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);

        var (status, zh) = await PostAsync(client, "/api/v1/incidents", IncidentData.ValidBody().With("latitude", "north"), "zh-CN");

        status.ShouldBe(HttpStatusCode.BadRequest);
        zh["title"]!.GetValue<string>().ShouldBe("请求中有无效的字段。");
        zh["errors"]!["latitude"]![0]!.GetValue<string>().ShouldBe("值必须是数字,例如 31.2304。");
    }

    [Fact]
    public async Task Without_a_language_asked_for_the_answer_is_english()
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);

        var (_, problem) = await PostAsync(client, "/api/v1/incidents", IncidentData.ValidBody().With("latitude", "north"), null);
        var (_, french) = await PostAsync(client, "/api/v1/incidents", IncidentData.ValidBody().With("latitude", "north"), "fr-FR");

        problem["title"]!.GetValue<string>().ShouldBe("The request has invalid fields.");
        problem["errors"]!["latitude"]![0]!.GetValue<string>().ShouldBe("The value must be a number, such as 31.2304.");
        french["title"]!.GetValue<string>().ShouldBe("The request has invalid fields.");
    }

    [Fact]
    public async Task A_missing_api_route_advises_in_chinese()
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-thing");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldBe("此地址没有 API 资源。API 位于 /api/v1/ 之下。");
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();
}
