using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Obligations;
using CrisisCoord.Application.Mail;
using CrisisCoord.Application.Notifications;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Notifications;
using CrisisCoord.Domain.Obligations;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Features.Tasks;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisCoord.IntegrationTests.Features.Notifications;

/// <summary>Inbox, preferences and the durable e-mail outbox, against the real database and a real SMTP server.</summary>
public sealed class NotificationsTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task A_task_given_to_an_organisation_reaches_its_members_inbox_and_exactly_one_mail_with_a_stable_message_id()
    {
        var scene = await TaskScene.CreateAsync(App);
        var colleague = await App.CreateAsync(Roles.AgencyStaff, organisationId: scene.Ngo.OrganisationId);
        var auditor = await App.CreateAsync(Roles.Auditor, organisationId: scene.Ngo.OrganisationId);

        var (task, _) = await scene.TaskAsync();

        var inbox = await NotificationScene.InboxAsync(scene.NgoClient);
        inbox["unread"]!.GetValue<int>().ShouldBe(1);
        var item = inbox["items"]!.AsArray().Single()!;
        item["kind"]!.GetValue<string>().ShouldBe("TaskAssigned");
        item["title"]!.GetValue<string>().ShouldBe("Task for your organisation: Evacuate the east-bank farms by boat");
        item["link"]!.GetValue<string>().ShouldBe($"/Incidents/{scene.Incident}/Tasks");
        item["readAt"].ShouldBeNull();
        (await NotificationScene.InboxAsync(await App.ClientForAsync(colleague)))["unread"]!.GetValue<int>().ShouldBe(1);
        (await NotificationScene.InboxAsync(await App.ClientForAsync(auditor)))["items"]!.AsArray().ShouldBeEmpty("an auditor cannot answer for a task");
        (await NotificationScene.InboxAsync(scene.CoordinatorClient))["items"]!.AsArray().ShouldBeEmpty("the task is not the coordinator's organisation's");

        // The bell on every page shows the count.
        var page = await PageClient.SignedInAsync(App, scene.Ngo);
        var (_, document) = await page.GetAsync("/");
        document.QuerySelector("#notification-count")!.TextContent.Trim().ShouldBe("1");

        App.Mail.To(scene.Ngo.Email).ShouldBeEmpty("mail leaves only from the outbox, in the background");
        (await App.SendOutboxAsync()).ShouldBe(2);
        (await App.SendOutboxAsync()).ShouldBe(0, "a sent mail is not sent again");
        var mail = App.Mail.To(scene.Ngo.Email).ShouldHaveSingleItem();
        App.Mail.To(colleague.Email).Count.ShouldBe(1);
        App.Mail.To(auditor.Email).ShouldBeEmpty();
        mail.Subject.ShouldBe("CrisisCoord: a task for your organisation");
        mail.TextBody!.ShouldContain("Task for your organisation: Evacuate the east-bank farms by boat");
        mail.TextBody!.ShouldContain($"http://localhost/Incidents/{scene.Incident}/Tasks");
        mail.HtmlBody.ShouldBeNull();

        await using var db = App.Database.CreateContext();
        var row = await db.NotificationMails.SingleAsync(m => m.ToAddress == scene.Ngo.Email);
        row.State.ShouldBe(NotificationMailState.Sent);
        row.Attempts.ShouldBe(1);
        mail.MessageId.ShouldBe($"{row.Id:N}@crisiscoord.notifications");

        // The timeline records the task, not who was told about it.
        var events = await db.TimelineEvents.AsNoTracking().Where(e => e.ChainId == scene.Incident).Select(e => e.Payload).ToListAsync();
        events.ShouldNotContain(p => p.Contains(scene.Ngo.Email, StringComparison.OrdinalIgnoreCase) || p.Contains("Task for your organisation", StringComparison.Ordinal));
        task.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task In_app_only_writes_no_mail_and_the_choice_is_kept_per_kind()
    {
        var scene = await TaskScene.CreateAsync(App);
        await NotificationScene.SetDeliveryAsync(scene.NgoClient, "taskassigned", "InApp");

        await scene.TaskAsync();

        (await NotificationScene.InboxAsync(scene.NgoClient))["unread"]!.GetValue<int>().ShouldBe(1);
        (await App.SendOutboxAsync()).ShouldBe(0);
        App.Mail.To(scene.Ngo.Email).ShouldBeEmpty();
        await using var db = App.Database.CreateContext();
        (await db.NotificationMails.CountAsync(m => m.UserId == scene.Ngo.UserId)).ShouldBe(0);

        var preferences = (await scene.NgoClient.GetFromJsonAsync<JsonObject>("/api/v1/me/notification-preferences"))!["items"]!.AsArray();
        var task = preferences.Single(p => p!["kind"]!.GetValue<string>() == "TaskAssigned")!;
        task["delivery"]!.GetValue<string>().ShouldBe("InApp");
        task["chosen"]!.GetValue<bool>().ShouldBeTrue();
        var breach = preferences.Single(p => p!["kind"]!.GetValue<string>() == "ObligationBreached")!;
        breach["delivery"]!.GetValue<string>().ShouldBe("Email");
        breach["chosen"]!.GetValue<bool>().ShouldBeFalse();
        preferences.ShouldContain(p => p!["kind"]!.GetValue<string>() == "WarningInArea");
    }

    [Fact]
    public async Task The_hourly_digest_puts_the_hours_items_into_one_mail_exactly_once()
    {
        App.Clock.Freeze(DateTimeOffset.UtcNow);
        var scene = await TaskScene.CreateAsync(App);
        await NotificationScene.SetDeliveryAsync(scene.NgoClient, "TaskAssigned", "HourlyDigest");
        await scene.TaskAsync();
        await scene.TaskAsync();

        (await App.BuildDigestsAsync()).ShouldBe(0, "the hour has not ended");
        (await App.SendOutboxAsync()).ShouldBe(0);

        App.Clock.Advance(TimeSpan.FromHours(1));
        (await App.BuildDigestsAsync()).ShouldBe(1);
        (await App.BuildDigestsAsync()).ShouldBe(0, "one digest per person and hour");
        (await App.SendOutboxAsync()).ShouldBe(1);
        (await App.SendOutboxAsync()).ShouldBe(0);

        var digest = App.Mail.To(scene.Ngo.Email).ShouldHaveSingleItem();
        digest.Subject.ShouldBe("CrisisCoord: 2 notifications this hour");
        digest.TextBody!.Split('\n').Count(l => l.StartsWith("- Task for your organisation", StringComparison.Ordinal)).ShouldBe(2);
        (await NotificationScene.InboxAsync(scene.NgoClient))["unread"]!.GetValue<int>().ShouldBe(2, "the digest does not mark anything read");
    }

    [Fact]
    public async Task Mark_one_read_then_all_read()
    {
        var scene = await TaskScene.CreateAsync(App);
        await scene.TaskAsync();
        await scene.TaskAsync();
        var items = (await NotificationScene.InboxAsync(scene.NgoClient))["items"]!.AsArray();
        items.Count.ShouldBe(2);
        items[0]!["createdAt"]!.GetValue<DateTimeOffset>().ShouldBeGreaterThanOrEqualTo(items[1]!["createdAt"]!.GetValue<DateTimeOffset>(), "newest first");

        var first = items[0]!["id"]!.GetValue<Guid>();
        (await scene.NgoClient.PostAsync($"/api/v1/me/notifications/{first}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var after = await NotificationScene.InboxAsync(scene.NgoClient);
        after["unread"]!.GetValue<int>().ShouldBe(1);
        after["items"]!.AsArray().Single(i => i!["id"]!.GetValue<Guid>() == first)!["readAt"].ShouldNotBeNull();

        var all = await scene.NgoClient.PostAsync("/api/v1/me/notifications/read", null);
        (await all.Content.ReadFromJsonAsync<JsonObject>())!["marked"]!.GetValue<int>().ShouldBe(1);
        (await NotificationScene.InboxAsync(scene.NgoClient))["unread"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task A_person_of_another_organisation_never_sees_it()
    {
        var scene = await TaskScene.CreateAsync(App);
        await scene.TaskAsync();
        var mine = (await NotificationScene.InboxAsync(scene.NgoClient))["items"]!.AsArray().Single()!["id"]!.GetValue<Guid>();
        var outsider = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);

        (await NotificationScene.InboxAsync(outsider))["items"]!.AsArray().ShouldBeEmpty();
        (await outsider.PostAsync($"/api/v1/me/notifications/{mine}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.PostAsync("/api/v1/me/notifications/read", null)).EnsureSuccessStatusCode();
        (await NotificationScene.InboxAsync(scene.NgoClient))["unread"]!.GetValue<int>().ShouldBe(1, "nobody else can mark it read");
    }

    [Fact]
    public async Task Nobody_is_told_of_what_they_may_not_read_even_in_the_organisation_concerned()
    {
        var scene = await TaskScene.CreateAsync(App);
        // A member of an organisation that does not take part: the task cannot be given to it, and a request asked of it
        // reaches it (it may read what it was asked); here the incident's detail stays hidden from a stranger.
        var stranger = await App.CreateAsync(Roles.ResourceManager, OrganisationKind.Enterprise);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            var (task, _) = await scene.TaskAsync(assign: false);
            await notifier.ToOrganisationAsync(
                stranger.OrganisationId, NotificationKind.TaskAssigned, Act.AcceptTask, new Notifier.Sight(Act.ViewTask, SubjectKind.Task, task),
                new CrisisCoord.Domain.Common.Phrase("Notification.Probe", "Secret title"), "/Tasks/Mine", $"probe:{task:N}", CancellationToken.None);
            await db.SaveChangesAsync();
        }

        await using var check = App.Database.CreateContext();
        (await check.Notifications.CountAsync(n => n.UserId == stranger.UserId)).ShouldBe(0, "the rules would answer 404 for this task, so its title is not told");
    }

    [Fact]
    public async Task A_sender_that_fails_once_before_the_server_accepts_is_retried_after_a_back_off_and_the_server_gets_exactly_one_mail()
    {
        var scene = await TaskScene.CreateAsync(App);
        await scene.TaskAsync();
        var real = App.Services.GetRequiredService<IMailSender>();
        var flaky = new FailingOnceSender(real);

        (await App.SendOutboxAsync(flaky)).ShouldBe(0);
        await using (var db = App.Database.CreateContext())
        {
            var row = await db.NotificationMails.AsNoTracking().SingleAsync(m => m.UserId == scene.Ngo.UserId);
            row.State.ShouldBe(NotificationMailState.Pending);
            row.Attempts.ShouldBe(1);
            row.LastError.ShouldBe(nameof(IOException));
            row.NextAttemptAt.ShouldBeGreaterThan(App.Clock.GetUtcNow());
        }

        (await App.SendOutboxAsync(flaky)).ShouldBe(0, "not again before the back-off");
        App.Mail.To(scene.Ngo.Email).ShouldBeEmpty();

        App.Clock.Advance(TimeSpan.FromMinutes(2));
        (await App.SendOutboxAsync(flaky)).ShouldBe(1);
        (await App.SendOutboxAsync(flaky)).ShouldBe(0);
        App.Mail.To(scene.Ngo.Email).Count.ShouldBe(1);
        flaky.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task A_process_that_stops_after_the_server_accepted_but_before_marking_sent_never_sends_it_again()
    {
        var scene = await TaskScene.CreateAsync(App);
        await scene.TaskAsync();

        // The first instance claims the mail and the server accepts it; then the process stops before marking it sent.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var outbox = new NotificationOutbox(scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<IMailSender>(), App.Clock);
            var claimed = (await outbox.ClaimAsync(50, CancellationToken.None)).ShouldHaveSingleItem();
            await scope.ServiceProvider.GetRequiredService<IMailSender>().SendAsync(NotificationOutbox.ToOutgoing(claimed), CancellationToken.None);
        }

        App.Mail.To(scene.Ngo.Email).Count.ShouldBe(1);

        // Another instance (or the restarted one) runs: at once, and after the claim's lease has run out.
        (await App.SendOutboxAsync()).ShouldBe(0, "a mail being sent is not claimed twice");
        App.Clock.Advance(NotificationOutbox.Lease + TimeSpan.FromMinutes(1));
        (await App.SendOutboxAsync()).ShouldBe(0);
        (await App.SendOutboxAsync()).ShouldBe(0);

        App.Mail.To(scene.Ngo.Email).Count.ShouldBe(1, "the server received it exactly once");
        await using var db = App.Database.CreateContext();
        (await db.NotificationMails.AsNoTracking().SingleAsync(m => m.UserId == scene.Ngo.UserId)).State.ShouldBe(NotificationMailState.InDoubt);
    }

    [Fact]
    public async Task Two_senders_running_at_once_send_each_mail_once()
    {
        var scene = await TaskScene.CreateAsync(App);
        for (var i = 0; i < 6; i++)
        {
            await scene.TaskAsync();
        }

        var sent = await Task.WhenAll(App.SendOutboxAsync(), App.SendOutboxAsync(), App.SendOutboxAsync());

        sent.Sum().ShouldBe(6);
        var received = App.Mail.To(scene.Ngo.Email);
        received.Count.ShouldBe(6);
        received.Select(m => m.MessageId).Distinct().Count().ShouldBe(6);
    }

    [Fact]
    public async Task Bad_preferences_are_refused_naming_the_field_and_nothing_is_written()
    {
        var client = await App.ClientAsAsync(Roles.AgencyStaff);

        var response = await client.PutAsJsonAsync("/api/v1/me/notification-preferences", new
        {
            preferences = new[] { new { kind = "TaskAssigned", delivery = "Email" }, new { kind = "Gossip", delivery = "Carrier pigeon" } },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["preferences[1].Kind", "preferences[1].Delivery"], ignoreOrder: true);
        errors["preferences[1].Delivery"]![0]!.GetValue<string>().ShouldBe("'Carrier pigeon' is not valid. Use one of: InApp, Email, HourlyDigest.");
        (await client.PutAsJsonAsync("/api/v1/me/notification-preferences", new { preferences = Array.Empty<object>() })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await using var db = App.Database.CreateContext();
        (await db.NotificationPreferences.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_due_soon_obligation_is_told_once_and_its_breach_once()
    {
        var scene = await TaskScene.CreateAsync(App);
        await scene.TaskAsync();

        (await DueSoonAsync()).ShouldBe(0, "30 minutes to answer: not due soon yet");
        App.Clock.Advance(TimeSpan.FromMinutes(20));
        (await DueSoonAsync()).ShouldBe(1);
        (await DueSoonAsync()).ShouldBe(0, "told once");

        App.Clock.Advance(TimeSpan.FromMinutes(15));
        (await RecordBreachesAsync()).ShouldBe(1);
        (await RecordBreachesAsync()).ShouldBe(0);

        var kinds = (await NotificationScene.InboxAsync(scene.NgoClient))["items"]!.AsArray().Select(i => i!["kind"]!.GetValue<string>()).ToList();
        kinds.ShouldBe(["ObligationBreached", "ObligationDueSoon", "TaskAssigned"]);
        var breached = (await NotificationScene.InboxAsync(scene.NgoClient))["items"]!.AsArray()[0]!;
        breached["title"]!.GetValue<string>().ShouldEndWith("UTC: Accept or decline the task \"Evacuate the east-bank farms by boat\"");
    }

    [Fact]
    public async Task A_breach_is_told_on_each_recipients_own_clock_with_their_zone_named()
    {
        var scene = await TaskScene.CreateAsync(App);
        (await scene.NgoClient.PutAsJsonAsync("/api/v1/me/preferences", new { language = "zh-CN", timeZone = "Asia/Shanghai" })).EnsureSuccessStatusCode();
        await scene.TaskAsync();
        await using (var db = App.Database.CreateContext())
        {
            var task = await db.Tasks.SingleAsync(t => t.IncidentId == scene.Incident);
            App.Clock.Advance(TimeSpan.FromMinutes(35));
            (await RecordBreachesAsync()).ShouldBe(1);
            var due = task.StateChangedAt.AddMinutes(30);
            var beijing = TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

            var told = await db.Notifications.AsNoTracking().SingleAsync(n => n.UserId == scene.Ngo.UserId && n.Kind == NotificationKind.ObligationBreached);
            var at = beijing.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            told.Title.ShouldBe($"自 {at} Asia/Shanghai 起逾期：接受或拒绝任务“Evacuate the east-bank farms by boat”", "their saved language, their clock");
            told.Titles!["en"].ShouldStartWith($"Overdue since {at} Asia/Shanghai: ");
        }
    }

    [Fact]
    public async Task An_organisation_brought_into_an_incident_is_told_and_a_person_hears_the_groups_answer()
    {
        var scene = await TaskScene.CreateAsync(App);
        var brigade = await App.CreateAsync(Roles.AgencyStaff, OrganisationKind.CivicGroup);

        var admitted = await scene.CoordinatorClient.PostAsJsonAsync($"/api/v1/incidents/{scene.Incident}/participants", new { organisationId = brigade.OrganisationId });
        admitted.EnsureSuccessStatusCode();

        var item = (await NotificationScene.InboxAsync(await App.ClientForAsync(brigade)))["items"]!.AsArray().ShouldHaveSingleItem()!;
        item["kind"]!.GetValue<string>().ShouldBe("AdmittedToIncident");
        item["link"]!.GetValue<string>().ShouldBe($"/Incidents/{scene.Incident}");
        await using var db = App.Database.CreateContext();
        var row = await db.Notifications.AsNoTracking().SingleAsync(n => n.UserId == brigade.UserId);
        row.Delivery.ShouldBe(NotificationDelivery.HourlyDigest, "news that asks nothing comes in the digest by default");

        // A private citizen asks to join a citizens' group; its coordinator declines: the person alone is told, at once.
        var organiser = await App.CreateAsync(Roles.Coordinator, OrganisationKind.Citizen);
        var citizen = await App.CreatePrivateCitizenAsync();
        var citizenClient = await App.ClientForAsync(citizen);
        var asked = await citizenClient.PostAsJsonAsync($"/api/v1/organisations/{organiser.OrganisationId}/membership-requests", new { note = "East bank; I have a van." });
        asked.EnsureSuccessStatusCode();
        var request = (await asked.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        (await (await App.ClientForAsync(organiser)).PostAsJsonAsync(
            $"/api/v1/organisations/{organiser.OrganisationId}/membership-requests/{request}/decline", new { reason = "We are full." })).EnsureSuccessStatusCode();

        var answer = (await NotificationScene.InboxAsync(citizenClient))["items"]!.AsArray().ShouldHaveSingleItem()!;
        answer["kind"]!.GetValue<string>().ShouldBe("MembershipDecided");
        answer["title"]!.GetValue<string>().ShouldEndWith("declined your request to join");
        (await NotificationScene.InboxAsync(await App.ClientForAsync(organiser)))["items"]!.AsArray().ShouldBeEmpty();
        (await App.SendOutboxAsync()).ShouldBe(1);
        App.Mail.To(citizen.Email).ShouldHaveSingleItem().Subject.ShouldBe("CrisisCoord: your request to join a group was answered");
    }

    private async Task<int> DueSoonAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await NotificationWatch.NotifyDueSoonAsync(
            scope.ServiceProvider.GetRequiredService<AppDbContext>(),
            scope.ServiceProvider.GetRequiredService<Notifier>(),
            scope.ServiceProvider.GetRequiredService<ObligationRules>(),
            TimeSpan.FromMinutes(15),
            App.Clock.GetUtcNow(),
            CancellationToken.None);
    }

    private async Task<int> RecordBreachesAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await BreachWatch.RecordNewAsync(
            scope.ServiceProvider.GetRequiredService<AppDbContext>(),
            scope.ServiceProvider.GetRequiredService<TimelineRecorder>(),
            scope.ServiceProvider.GetRequiredService<Notifier>(),
            scope.ServiceProvider.GetRequiredService<ObligationRules>(),
            App.Clock.GetUtcNow(),
            CancellationToken.None);
    }
}
