using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.IntegrationTests.Infrastructure;
using CrisisCoord.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CrisisCoord.IntegrationTests.Features.Api;

/// <summary>Idempotency-Key on API POSTs, against the real database (ADR 0019).</summary>
public sealed class IdempotencyKeyTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task A_retry_after_completion_replays_the_stored_response_and_changes_nothing()
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);

        var first = await PostAsync(client, "retry-1", IncidentData.ValidBody());
        var retry = await PostAsync(client, "retry-1", IncidentData.ValidBody());

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.Headers.Location.ShouldBe(first.Headers.Location);
        retry.Headers.ETag.ShouldBe(first.Headers.ETag);
        retry.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        (await retry.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        retry.Headers.GetValues(IdempotencyMiddleware.ReplayedHeader).ShouldBe(["true"]);
        first.Headers.Contains(IdempotencyMiddleware.ReplayedHeader).ShouldBeFalse();
        (await IncidentData.CountAsync(App.Database)).ShouldBe(1);
    }

    [Fact]
    public async Task A_refusal_is_kept_and_replayed_like_any_other_answer()
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);
        var invalid = IncidentData.ValidBody().With("title", "");

        var first = await PostAsync(client, "refused", invalid);
        var retry = await PostAsync(client, "refused", invalid);

        first.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        retry.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        retry.Headers.Contains(IdempotencyMiddleware.ReplayedHeader).ShouldBeTrue();
        (await retry.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_runs_nothing()
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);
        await PostAsync(client, "reused", IncidentData.ValidBody());

        var other = await PostAsync(client, "reused", IncidentData.ValidBody("A different incident"));

        other.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Problem(other)).ShouldContain("Idempotency-Key");
        (await IncidentData.CountAsync(App.Database)).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_key_while_the_first_request_runs_is_409_and_the_first_still_completes()
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);
        // Hold the first request inside its handler: it cannot insert its incident while this lock is held.
        await using var blocker = new NpgsqlConnection(App.Database.ConnectionString);
        await blocker.OpenAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE incidents IN ACCESS EXCLUSIVE MODE", blocker, hold))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        var first = PostAsync(client, "in-flight", IncidentData.ValidBody());
        await WaitUntilAsync(async () =>
        {
            await using var db = App.Database.CreateContext();
            return await db.IdempotencyKeys.AnyAsync(k => k.Key == "in-flight");
        });

        var second = await PostAsync(client, "in-flight", IncidentData.ValidBody());
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Problem(second)).ShouldContain("still being processed");
        first.IsCompleted.ShouldBeFalse();

        await hold.RollbackAsync();
        (await first).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await PostAsync(client, "in-flight", IncidentData.ValidBody())).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await IncidentData.CountAsync(App.Database)).ShouldBe(1);
    }

    [Fact]
    public async Task Keys_belong_to_one_person_and_never_replay_to_another()
    {
        var alice = await App.ClientAsAsync(Roles.AgencyStaff);
        var bob = await App.ClientAsAsync(Roles.AgencyStaff);

        var hers = await PostAsync(alice, "shared-key", IncidentData.ValidBody());
        var his = await PostAsync(bob, "shared-key", IncidentData.ValidBody());

        hers.StatusCode.ShouldBe(HttpStatusCode.Created);
        his.StatusCode.ShouldBe(HttpStatusCode.Created);
        his.Headers.Contains(IdempotencyMiddleware.ReplayedHeader).ShouldBeFalse();
        his.Headers.Location.ShouldNotBe(hers.Headers.Location);
        (await IncidentData.CountAsync(App.Database)).ShouldBe(2);
    }

    [Fact]
    public async Task Keys_expire_after_24_hours_and_are_cleaned_up()
    {
        // Its token is checked against the real clock, so it stays valid while the app's clock moves on.
        var client = await App.ClientAsAsync(Roles.AgencyStaff);
        await PostAsync(client, "old-key", IncidentData.ValidBody());

        App.Clock.Advance(TimeSpan.FromHours(23));
        var cleanup = App.Services.GetRequiredService<IdempotencyCleanupService>();
        (await cleanup.RunOnceAsync(CancellationToken.None)).ShouldBe(0, "a 23-hour-old key is still kept");
        App.Clock.Advance(TimeSpan.FromHours(2));
        (await cleanup.RunOnceAsync(CancellationToken.None)).ShouldBe(1);

        var reused = await PostAsync(client, "old-key", IncidentData.ValidBody("A new incident a day later"));
        reused.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await IncidentData.CountAsync(App.Database)).ShouldBe(2);
    }

    [Theory]
    [InlineData("tab\tinside")]
    [InlineData("ключ")]
    [InlineData(null)]
    public async Task A_bad_key_is_400_naming_the_header_and_runs_nothing(string? key)
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);

        var response = await PostAsync(client, key ?? new string('k', 256), IncidentData.ValidBody());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Problem(response)).ShouldContain("Idempotency-Key");
        (await IncidentData.CountAsync(App.Database)).ShouldBe(0);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string key, JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/incidents") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation(IdempotencyMiddleware.Header, key);
        return client.SendAsync(request);
    }

    private static async Task<string> Problem(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>();

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The first request never took its key");
    }
}
