using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.IntegrationTests.Features.Tasks;
using CrisisCoord.IntegrationTests.Infrastructure;

namespace CrisisCoord.IntegrationTests.Features.Localization;

/// <summary>Refusals from the domain and the rules (409, 403, 404) in the language asked for; status and type unchanged (ADR 0037).</summary>
public sealed class RuleLanguageTests(CrisisCoordApp app) : AppTest(app)
{
    private static async Task<(HttpStatusCode Status, JsonObject Problem)> SendAsync(HttpClient client, HttpMethod method, string url, string etag, string language)
    {
        using var request = new HttpRequestMessage(method, url);
        if (method == HttpMethod.Post)
        {
            request.Content = JsonContent.Create(new { });
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    [Fact]
    public async Task A_move_the_task_cannot_make_is_refused_in_the_readers_language()
    {
        var scene = await TaskScene.CreateAsync(App);
        var (task, etag) = await scene.TaskAsync();

        var (zhStatus, zh) = await SendAsync(scene.NgoClient, HttpMethod.Post, $"/api/v1/tasks/{task}/start", etag, "zh-CN");
        var (enStatus, en) = await SendAsync(scene.NgoClient, HttpMethod.Post, $"/api/v1/tasks/{task}/start", etag, "en-GB");

        (zhStatus, enStatus).ShouldBe((HttpStatusCode.Conflict, HttpStatusCode.Conflict));
        zh["detail"]!.GetValue<string>().ShouldBe("该任务处于“已指派”状态；此操作要求其处于“已接受”状态。");
        en["detail"]!.GetValue<string>().ShouldBe("The task is Assigned; this needs it to be Accepted.");
        zh["type"]!.GetValue<string>().ShouldBe(en["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_refusal_and_a_missing_record_are_explained_in_chinese()
    {
        var scene = await TaskScene.CreateAsync(App);
        var (task, etag) = await scene.TaskAsync();
        var auditor = await App.ClientAsAsync(Roles.Auditor);
        var nowhere = Guid.NewGuid();

        var (forbidden, refusal) = await SendAsync(auditor, HttpMethod.Post, $"/api/v1/tasks/{task}/start", etag, "zh-CN");
        var (missing, notFound) = await SendAsync(scene.CoordinatorClient, HttpMethod.Get, $"/api/v1/tasks/{nowhere}", etag, "zh-CN");
        var (_, englishNotFound) = await SendAsync(scene.CoordinatorClient, HttpMethod.Get, $"/api/v1/tasks/{nowhere}", etag, "en");

        forbidden.ShouldBe(HttpStatusCode.Forbidden);
        refusal["detail"]!.GetValue<string>().ShouldBe("此操作需要“协调员、机构工作人员、资源管理员或公众”角色。");
        missing.ShouldBe(HttpStatusCode.NotFound);
        notFound["detail"]!.GetValue<string>().ShouldBe($"未找到任务“{nowhere}”。");
        englishNotFound["detail"]!.GetValue<string>().ShouldBe($"Task '{nowhere}' was not found.");
    }
}
