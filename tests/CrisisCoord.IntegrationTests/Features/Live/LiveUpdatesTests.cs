using System.Net;
using System.Net.Http.Json;
using CrisisCoord.Application.Live;
using CrisisCoord.Application.Security;
using CrisisCoord.IntegrationTests.Features.Tasks;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace CrisisCoord.IntegrationTests.Features.Live;

/// <summary>
/// The live hub over a real connection (long polling through the test server), signed in with the page cookie:
/// who may watch what, and that a committed change, and only that, reaches the screens watching it.
/// </summary>
public sealed class LiveUpdatesTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task A_change_to_an_incident_reaches_its_watchers_once_it_commits_and_only_them()
    {
        var scene = await TaskScene.CreateAsync(App);
        var other = await TaskScene.CreateAsync(App);
        await using var watcher = await WatcherAsync(await PageClient.SignedInAsync(App, scene.Ngo));
        (await watcher.WatchAsync(LiveTopics.Incident(scene.Incident))).ShouldBe([LiveTopics.Incident(scene.Incident)]);

        // Another incident's change, then a refused one on this incident, then a real one: only the last is heard.
        (await other.CoordinatorClient.PostAsJsonAsync($"/api/v1/incidents/{other.Incident}/log", new { text = "Elsewhere" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var outsider = await App.ClientAsAsync(Roles.AgencyStaff);
        (await outsider.PostAsJsonAsync($"/api/v1/incidents/{scene.Incident}/log", new { text = "Not mine to post" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await scene.CoordinatorClient.PostAsJsonAsync($"/api/v1/incidents/{scene.Incident}/log", new { text = "Boats launched" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await watcher.NextAsync()).ShouldBe(LiveTopics.Incident(scene.Incident));
        await scene.TaskAsync();
        (await watcher.NextAsync()).ShouldBe(LiveTopics.Incident(scene.Incident));
        // Signals arrive in the order sent, so by now any sent for the refused or the other incident's change is here too.
        watcher.Heard.Count.ShouldBe(2, "one signal per committed change to this incident, none for the refused one or the other incident");
    }

    [Fact]
    public async Task Lists_hear_about_every_incident_they_may_list()
    {
        var scene = await TaskScene.CreateAsync(App);
        await using var watcher = await WatcherAsync(await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.AgencyStaff)));
        (await watcher.WatchAsync(LiveTopics.Incidents)).ShouldBe([LiveTopics.Incidents]);

        await scene.TaskAsync();

        (await watcher.NextAsync()).ShouldBe(LiveTopics.Incidents);
    }

    [Fact]
    public async Task The_anonymous_may_watch_public_warnings_but_no_incident_and_hear_nothing_of_them()
    {
        var scene = await TaskScene.CreateAsync(App);
        await using var anonymous = await WatcherAsync(new PageClient(App));

        foreach (var topic in new[] { LiveTopics.Incident(scene.Incident), LiveTopics.Incidents })
        {
            (await Should.ThrowAsync<HubException>(() => anonymous.WatchAsync(topic))).Message.ShouldContain($"You cannot watch '{topic}'");
        }

        (await anonymous.WatchAsync(LiveTopics.PublicWarnings)).ShouldBe([LiveTopics.PublicWarnings], "the public warnings page is open to anyone");
        await scene.TaskAsync();
        await using var signedIn = await WatcherAsync(await PageClient.SignedInAsync(App, scene.Ngo));
        await signedIn.WatchAsync(LiveTopics.Incident(scene.Incident));
        await scene.TaskAsync();
        (await signedIn.NextAsync()).ShouldBe(LiveTopics.Incident(scene.Incident));
        await Task.Delay(TimeSpan.FromSeconds(1)); // the anonymous connection's own poll, had it been sent anything
        anonymous.Heard.ShouldBeEmpty("the anonymous connection was refused both topics, so the signal the other heard never reached it");
    }

    [Fact]
    public async Task Unknown_incidents_and_malformed_topics_are_refused_with_a_reason()
    {
        await using var watcher = await WatcherAsync(await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.AgencyStaff)));
        var unknown = LiveTopics.Incident(Guid.NewGuid());

        (await Should.ThrowAsync<HubException>(() => watcher.WatchAsync(unknown))).Message.ShouldContain($"You cannot watch '{unknown}'");
        (await Should.ThrowAsync<HubException>(() => watcher.WatchAsync("<script>alert(1)</script>"))).Message.ShouldContain("is not a topic");
        (await Should.ThrowAsync<HubException>(() => watcher.WatchAsync())).Message.ShouldContain("Give between 1 and 8 topics");
        (await Should.ThrowAsync<HubException>(() => watcher.WatchAsync([.. Enumerable.Repeat(LiveTopics.Incidents, 9)]))).Message.ShouldContain("Give between 1 and 8 topics");
    }

    private Task<LiveWatcher> WatcherAsync(PageClient pages) => LiveWatcher.ConnectAsync(App, pages);
}
