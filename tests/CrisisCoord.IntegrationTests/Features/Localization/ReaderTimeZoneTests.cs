using System.Net;
using AngleSharp.Dom;
using CrisisCoord.IntegrationTests.Features.Tasks;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Localization;

/// <summary>Times typed on a page are read on the reader's clock, stored in UTC, and shown back on each reader's clock.</summary>
public sealed class ReaderTimeZoneTests(CrisisCoordApp app) : AppTest(app)
{
    private async Task<PageClient> ReaderInAsync(Actor actor, string zone)
    {
        var pages = await PageClient.SignedInAsync(App, actor);
        // What site.js writes from Intl.DateTimeFormat().resolvedOptions().timeZone.
        pages.Cookies.Add(App.ClientOptions.BaseAddress, new Cookie("crisiscoord-zone", Uri.EscapeDataString(zone)));
        return pages;
    }

    private static async Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Page)> NewTaskAsync(PageClient pages, Guid incident, string title, string due) =>
        await pages.SubmitAsync($"/Incidents/{incident}/Tasks/New", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Priority"] = "Normal",
            ["Input.DueAt"] = due,
        });

    private async Task<DateTimeOffset?> DueOfAsync(Guid incident, string title)
    {
        await using var db = App.Database.CreateContext();
        return (await db.Tasks.SingleAsync(t => t.IncidentId == incident && t.Title == title)).DueAt;
    }

    [Fact]
    public async Task Six_in_the_evening_typed_in_Beijing_is_ten_UTC_and_each_reader_sees_it_on_their_own_clock()
    {
        var scene = await TaskScene.CreateAsync(App);
        var beijing = await ReaderInAsync(scene.Coordinator, "Asia/Shanghai");
        var london = await ReaderInAsync(scene.Coordinator, "Europe/London");

        var (response, _) = await NewTaskAsync(beijing, scene.Incident, "Sandbags to the east levee", "2027-01-15T18:00");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await DueOfAsync(scene.Incident, "Sandbags to the east levee")).ShouldBe(new DateTimeOffset(2027, 1, 15, 10, 0, 0, TimeSpan.Zero));
        var shownInBeijing = (await beijing.GetAsync($"/Incidents/{scene.Incident}/Tasks")).Document.QuerySelector(".task-meta time")!;
        var shownInLondon = (await london.GetAsync($"/Incidents/{scene.Incident}/Tasks")).Document.QuerySelector(".task-meta time")!;
        shownInBeijing.TextContent.ShouldBe("2027-01-15 18:00 Asia/Shanghai");
        shownInLondon.TextContent.ShouldBe("2027-01-15 10:00 Europe/London");
        shownInLondon.GetAttribute("datetime").ShouldBe("2027-01-15T10:00:00Z");
    }

    [Fact]
    public async Task Six_in_the_evening_typed_in_a_London_winter_is_six_UTC()
    {
        var scene = await TaskScene.CreateAsync(App);
        var london = await ReaderInAsync(scene.Coordinator, "Europe/London");

        await NewTaskAsync(london, scene.Incident, "Pumps to the low streets", "2027-01-15T18:00");

        (await DueOfAsync(scene.Incident, "Pumps to the low streets")).ShouldBe(new DateTimeOffset(2027, 1, 15, 18, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task The_time_field_names_the_readers_zone()
    {
        var scene = await TaskScene.CreateAsync(App);
        var beijing = await ReaderInAsync(scene.Coordinator, "Asia/Shanghai");
        var unknown = await PageClient.SignedInAsync(App, scene.Coordinator);

        (await beijing.GetAsync($"/Incidents/{scene.Incident}/Tasks/New")).Document.QuerySelector("label[for=Input_DueAt] [data-reader-zone]")!.TextContent.ShouldBe("Asia/Shanghai");
        (await unknown.GetAsync($"/Incidents/{scene.Incident}/Tasks/New")).Document.QuerySelector("label[for=Input_DueAt] [data-reader-zone]")!.TextContent.ShouldBe("UTC");
    }

    [Theory]
    // 28 March 2027: London's clocks go from 01:00 straight to 02:00.
    [InlineData("Europe/London", "2027-03-28T01:30", "2027-03-28 01:30 does not exist in Europe/London: the clocks skip it that day. Choose a time before or after.")]
    // A zone the server does not know is refused rather than guessed.
    [InlineData("Mars/Olympus_Mons", "2027-01-15T18:00", "The time zone 'Mars/Olympus_Mons' is not known, so the time cannot be read. Reload the page so your browser tells its zone again.")]
    public async Task A_time_that_names_no_instant_is_refused_by_name_and_nothing_is_written(string zone, string due, string message)
    {
        var scene = await TaskScene.CreateAsync(App);
        var reader = await ReaderInAsync(scene.Coordinator, zone);

        var (response, page) = await NewTaskAsync(reader, scene.Incident, "Check the river gauges", due);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the form again, with what was typed");
        page.QuerySelector("[data-valmsg-for='Input.DueAt']")!.TextContent.ShouldBe(message);
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_DueAt")!.Value.ShouldBe(due);
        await using var db = App.Database.CreateContext();
        (await db.Tasks.CountAsync(t => t.IncidentId == scene.Incident)).ShouldBe(0);
    }
}
