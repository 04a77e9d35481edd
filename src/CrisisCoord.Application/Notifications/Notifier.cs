using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Mail;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Notifications;
using CrisisCoord.Domain.Obligations;
using CrisisCoord.Domain.Reports;
using CrisisCoord.Domain.Warnings;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Notifications;

/// <summary>
/// Writes notifications (and their e-mails, into the durable outbox) through the caller's DbContext, so they commit
/// or vanish with the change they tell of. Who receives each kind is decided here, once (docs/notifications.md):
/// the active members of the organisation concerned whose role may do what the notification asks, and only those
/// who may read the thing it names — decided by <see cref="AccessRules"/> as if they had opened it.
/// Callers save the changes they describe first, so the rules see them.
/// </summary>
public sealed class Notifier(AppDbContext db, AccessRules rules, PortalLinks links, TimeProvider clock, TextVersions versions, CharterCache? charters = null)
{
    /// <summary>A task was given to an organisation (created assigned, or assigned).</summary>
    public Task TaskAssignedAsync(Guid taskId, Guid organisationId, string title, Guid incidentId, DateTimeOffset assignedAt, CancellationToken ct) =>
        ToOrganisationAsync(
            organisationId,
            NotificationKind.TaskAssigned,
            Act.AcceptTask,
            new Sight(Act.ViewTask, SubjectKind.Task, taskId),
            new Phrase("Notification.TaskAssigned", "Task for your organisation: {0}", title),
            $"/Incidents/{incidentId}/Tasks",
            $"task:{taskId:N}:{assignedAt.UtcTicks}",
            ct);

    /// <summary>An organisation was asked to answer a resource request.</summary>
    public Task RequestAskedAsync(Guid requestId, Guid organisationId, decimal quantity, string unit, string typeName, CancellationToken ct) =>
        ToOrganisationAsync(
            organisationId,
            NotificationKind.RequestAsked,
            Act.AnswerRequest,
            new Sight(Act.ViewRequest, SubjectKind.Request, requestId),
            new Phrase("Notification.RequestAsked", "Your organisation is asked for {0}", new Need(quantity, unit, typeName)),
            $"/Requests/{requestId}",
            $"asked:{requestId:N}:{organisationId:N}",
            ct);

    /// <summary>An organisation now takes part in an incident.</summary>
    public Task AdmittedToIncidentAsync(Guid incidentId, Guid organisationId, string incidentTitle, CancellationToken ct) =>
        ToOrganisationAsync(
            organisationId,
            NotificationKind.AdmittedToIncident,
            act: null,
            new Sight(Act.ViewIncident, SubjectKind.Incident, incidentId),
            new Phrase("Notification.Admitted", "Your organisation takes part in {0}", incidentTitle),
            $"/Incidents/{incidentId}",
            $"admitted:{incidentId:N}:{organisationId:N}",
            ct);

    /// <summary>
    /// A warning went out whose areas touch the service area of organisations: their people are told, each only if
    /// they may read the warning (a restricted one reaches the organisations it names and those that see the
    /// incident's detail). Told once per warning, at its first publication.
    /// </summary>
    public async Task WarningInAreaAsync(Warning warning, CancellationToken ct)
    {
        var served = await db.Organisations.AsNoTracking()
            .Where(o => o.ServiceArea != null)
            .Select(o => new { o.Id, Area = o.ServiceArea! })
            .ToListAsync(ct);
        var title = warning.Status == WarningStatus.Exercise
            ? new Phrase("Notification.ExerciseWarning", "Exercise warning in your area: {0}", warning.Headline)
            : new Phrase("Notification.Warning", "Warning in your area: {0}", warning.Headline);
        foreach (var organisation in served.Where(o => warning.Areas.Any(a => a.Touches(o.Area.Latitude, o.Area.Longitude, o.Area.RadiusKm))))
        {
            await ToOrganisationAsync(
                organisation.Id,
                NotificationKind.WarningInArea,
                act: null,
                new Sight(Act.ViewWarning, SubjectKind.Warning, warning.Id),
                title,
                $"/Warnings/{warning.Id}",
                $"warning-in-area:{warning.Id:N}:{organisation.Id:N}",
                ct);
        }
    }

    /// <summary>A group decided a person's request to join it: the person alone is told (they may act for no one yet).</summary>
    public async Task MembershipDecidedAsync(Guid membershipRequestId, Guid userId, Guid organisationId, string groupName, bool admitted, CancellationToken ct)
    {
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new Recipient(u.Id, u.Email ?? "", u.DisplayName, u.EmailConfirmed, u.LockoutEnd, u.PreferredLanguage, u.TimeZone))
            .SingleAsync(ct);
        var title = admitted
            ? new Phrase("Notification.Admitted.ToGroup", "{0} admitted you: you now act for the group", groupName)
            : new Phrase("Notification.Declined.ByGroup", "{0} declined your request to join", groupName);
        await AddAsync([person], null, NotificationKind.MembershipDecided, title, $"/Organisations/{organisationId}", $"membership:{membershipRequestId:N}", ct);
    }

    /// <summary>
    /// What became of the reports first logged as this incident (verified, merged, dismissed): each reporter alone is
    /// told, as on their My reports page. Reports merged in from elsewhere already heard of their own merge.
    /// </summary>
    public async Task ReportOutcomeAsync(Guid incidentId, ReportOutcome outcome, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId)
            .Select(i => new
            {
                i.Title,
                i.State,
                i.StateReason,
                Into = db.Incidents.Where(t => t.Id == i.MergedIntoIncidentId).Select(t => t.Title).FirstOrDefault(),
            })
            .SingleAsync(ct);
        var title = outcome switch
        {
            ReportOutcome.Verified => new Phrase("Notification.Report.Verified", "Your report \"{0}\" was verified; the incident is in {1}", incident.Title, new Term(incident.State, Lower: true)),
            ReportOutcome.Merged => new Phrase("Notification.Report.Merged", "Your report \"{0}\" was merged into \"{1}\", which it is now part of", incident.Title, incident.Into),
            ReportOutcome.Dismissed => new Phrase("Notification.Report.Dismissed", "Your report \"{0}\" was dismissed: {1}", incident.Title, incident.StateReason),
            _ => new Phrase("Notification.Report.Received", "Your report \"{0}\" was received", incident.Title),
        };
        var reports = await (
                from r in db.IncidentReports.AsNoTracking()
                where r.FirstIncidentId == incidentId
                join u in db.Users on r.ReporterUserId equals u.Id
                select new { r.Id, Recipient = new Recipient(u.Id, u.Email ?? "", u.DisplayName, u.EmailConfirmed, u.LockoutEnd, u.PreferredLanguage, u.TimeZone) })
            .ToListAsync(ct);
        foreach (var report in reports)
        {
            await AddAsync([report.Recipient], null, NotificationKind.ReportOutcome, title, "/Reports/Mine", $"report:{report.Id:N}:{outcome}", ct);
        }
    }

    /// <summary>An obligation is about to fall due (<paramref name="kind"/> DueSoon) or was recorded as breached.</summary>
    public Task ObligationAsync(NotificationKind kind, OpenObligation obligation, CancellationToken ct)
    {
        var (act, sight, link) = obligation.Obligation switch
        {
            Obligation.AcknowledgeTask => (Act.AcceptTask, new Sight(Act.ViewTask, SubjectKind.Task, obligation.SubjectId), $"/Incidents/{obligation.IncidentId}/Tasks"),
            Obligation.AnswerResourceRequest => (Act.AnswerRequest, new Sight(Act.ViewRequest, SubjectKind.Request, obligation.SubjectId), $"/Requests/{obligation.SubjectId}"),
            Obligation.SubmitSitRep => (Act.SubmitSituationReport, new Sight(Act.ViewIncidentDetail, SubjectKind.Incident, obligation.IncidentId!.Value), $"/Incidents/{obligation.IncidentId}"),
            Obligation.SetObjectives => (Act.SetObjective, new Sight(Act.ViewIncidentDetail, SubjectKind.Incident, obligation.IncidentId!.Value), $"/Incidents/{obligation.IncidentId}"),
            _ => (Act.EditResource, new Sight(Act.ViewResource, SubjectKind.Resource, obligation.SubjectId), $"/Resources/{obligation.SubjectId}"),
        };
        var title = kind == NotificationKind.ObligationBreached
            ? new Phrase("Notification.Overdue", "Overdue since {0}: {1}", new Moment(obligation.DueAt), obligation.Subject)
            : new Phrase("Notification.DueBy", "Due by {0}: {1}", new Moment(obligation.DueAt), obligation.Subject);
        var key = (kind == NotificationKind.ObligationBreached ? "breach:" : "due:") + obligation.BreachKey;
        return ToOrganisationAsync(obligation.OrganisationId, kind, act, sight, title, link, key, ct);
    }

    /// <summary>
    /// Notifies an organisation's people of something. <paramref name="act"/> is what the notification asks of them:
    /// only people whose role may ever do it receive it (every active member when null). <paramref name="sight"/> is
    /// how a reader would open the thing; a person it would refuse (404 or 403) receives nothing. Null only for what
    /// every signed-in person may read (a published warning).
    /// </summary>
    public async Task ToOrganisationAsync(
        Guid organisationId, NotificationKind kind, Act? act, Sight? sight, Phrase title, string link, string key, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var members = await (
                from u in db.Users.AsNoTracking()
                where u.OrganisationId == organisationId && (u.LockoutEnd == null || u.LockoutEnd <= now)
                select new
                {
                    // What each has chosen for this kind and whether they were told already, read on the way.
                    Recipient = new Recipient(
                        u.Id,
                        u.Email ?? "",
                        u.DisplayName,
                        u.EmailConfirmed,
                        u.LockoutEnd,
                        u.PreferredLanguage,
                        u.TimeZone,
                        db.NotificationPreferences.Where(p => p.UserId == u.Id && p.Kind == kind).Select(p => (NotificationDelivery?)p.Delivery).FirstOrDefault(),
                        db.Notifications.Any(n => n.UserId == u.Id && n.Key == key)),
                    Roles = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).ToList(),
                })
            .ToListAsync(ct);
        if (members.Count == 0)
        {
            return;
        }

        // Everyone here acts for the same organisation under the same charter; only their roles differ. A fresh
        // Subjects: facts read before this command's change are not to be reused.
        var subjects = new Subjects(db, charters);
        var organisation = await subjects.ReaderAsync(new RecipientIdentity(members[0].Recipient.UserId, organisationId), ct);
        var subject = sight is null ? null : await subjects.LoadAsync(sight.Kind, sight.Id, organisation, ct);
        var recipients = members
            .Select(m => (m.Recipient, Reader: organisation with { UserId = m.Recipient.UserId, Roles = m.Roles.OfType<string>().ToHashSet() }))
            .Where(m => act is not { } asked || AccessRules.RoleMayEver(asked, m.Reader.IsInRole))
            .Where(m => sight is null || rules.Decide(sight.Act, subject!, m.Reader).Allowed)
            .Select(m => m.Recipient)
            .ToList();
        await AddAsync(recipients, organisationId, kind, title, link, key, ct);
    }

    private async Task AddAsync(
        IReadOnlyList<Recipient> recipients, Guid? organisationId, NotificationKind kind, Phrase title, string link, string key, CancellationToken ct)
    {
        if (recipients.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (recipients.Any(r => r.Told is null))
        {
            var ids = recipients.Select(r => r.UserId).ToList();
            var chosen = await db.NotificationPreferences.AsNoTracking()
                .Where(p => ids.Contains(p.UserId) && p.Kind == kind)
                .ToDictionaryAsync(p => p.UserId, p => p.Delivery, ct);
            var told = await db.Notifications.AsNoTracking()
                .Where(n => ids.Contains(n.UserId) && n.Key == key)
                .Select(n => n.UserId)
                .ToListAsync(ct);
            recipients = [.. recipients.Select(r => r with { Chosen = chosen.TryGetValue(r.UserId, out var choice) ? choice : null, Told = told.Contains(r.UserId) })];
        }

        // Written once per clock the recipients read by: a time in the title is on theirs (UTC for those who chose none).
        var byZone = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);

        // The same event seen again (a retried watch, a second instance) is not told twice.
        foreach (var person in recipients.Where(r => r.Told == false))
        {
            var delivery = person.Chosen ?? NotificationDefaults.For(kind);
            // Read in the reader's language wherever they read it (ADR 0039); its title of record, which mail says,
            // is in the recipient's saved language, English when none (ADR 0037).
            var zone = ReaderTime.FindZone(person.TimeZone)?.Id ?? "UTC";
            if (!byZone.TryGetValue(zone, out var titles))
            {
                byZone[zone] = titles = await TitlesAsync(title, zone, ct);
            }

            using var language = RecipientLanguage.Use(person.Language);
            var notification = Notification.For(
                person.UserId, organisationId, kind, titles[Languages.Find(person.Language) ?? Languages.Default], link, key, delivery, now, titles);
            db.Notifications.Add(notification);
            if (delivery == NotificationDelivery.Email && person.CanBeMailed)
            {
                db.NotificationMails.Add(NotificationMail.ForOne(
                    notification, person.Email, person.Name, NotificationText.Subject(kind), NotificationText.Body(person.Name, [notification], links), now));
            }
        }
    }

    /// <summary>
    /// The title in every language the portal speaks, each with the names inside it (an incident's title, an
    /// organisation's name) in that language's agreed version (ADR 0038): it is written once and read by whoever
    /// opens it, in the language they read in then. The culture and versions set here end with this method.
    /// </summary>
    private async Task<Dictionary<string, string>> TitlesAsync(Phrase title, string zone, CancellationToken ct)
    {
        using var onTheirClock = ReaderTime.ForRecipient(zone);
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (language, _) in Languages.Supported)
        {
            var forReader = await versions.ForAsync(language, db, ct);
            using var culture = RecipientLanguage.Use(language);
            TextVersions.UseForReader(forReader);
            titles[language] = title.Say();
        }

        return titles;
    }

    /// <summary>How a recipient would read the thing: the act, on what.</summary>
    public sealed record Sight(Act Act, SubjectKind Kind, Guid Id);

    /// <param name="UserId">The person.</param>
    /// <param name="Email">Their address.</param>
    /// <param name="Name">Their name, as mail greets them.</param>
    /// <param name="EmailConfirmed">Whether the address is known to be theirs.</param>
    /// <param name="LockoutEnd">Until when they may not sign in.</param>
    /// <param name="Language">Their saved language, which what they are told is written in; null: English.</param>
    /// <param name="TimeZone">Their saved IANA zone, whose clock times they are told of are on; null: UTC.</param>
    /// <param name="Chosen">How they chose to hear of this kind, if they chose; with <paramref name="Told"/>, null until read.</param>
    /// <param name="Told">Whether they were already told of this very event.</param>
    private sealed record Recipient(
        Guid UserId, string Email, string Name, bool EmailConfirmed, DateTimeOffset? LockoutEnd, string? Language, string? TimeZone, NotificationDelivery? Chosen = null, bool? Told = null)
    {
        /// <summary>Mail goes only to a confirmed address: an unconfirmed one may be somebody else's.</summary>
        public bool CanBeMailed => EmailConfirmed && Email.Length > 0;
    }

    /// <summary>A recipient as the rules' reader loader sees them (their organisation; roles are set per person after).</summary>
    private sealed class RecipientIdentity(Guid userId, Guid organisationId) : ICurrentUser
    {
        public bool IsAuthenticated => true;

        public Guid? UserId => userId;

        public Guid? OrganisationId => organisationId;

        public bool IsInRole(string role) => false;

        public Guid? SessionId => null;

        public string? ClientAddress => null;
    }
}
