using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Obligations;
using CrisisCoord.Application.Features.People;
using CrisisCoord.Application.Features.Reviews;
using CrisisCoord.Application.Features.Warnings;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Notifications;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.AccessTokens;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Obligations;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Reports;
using CrisisCoord.Domain.Requests;
using CrisisCoord.Domain.Resources;
using CrisisCoord.Domain.Reviews;
using CrisisCoord.Domain.Warnings;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrisisCoord.Web.Infrastructure;

public sealed class DemoDataOptions
{
    public const string Section = "DemoData";

    /// <summary>Seed the demo scenario into an empty database. Never honoured in Production.</summary>
    public bool Seed { get; set; }
}

/// <summary>
/// The demo scenario (shared DOMAIN.md, "Demo scenario"): one province, Qinghe, with an incident in every state. Built
/// through the same domain factories and transitions as real data, back-dated so the timeline reads
/// like a real week. Every step is recorded on the timeline as it would have been — who did it, when —
/// in time order within each chain; the obligation breaches the scenario leaves are recorded, and the
/// chains are checkpointed at the end, so an auditor signing in finds a record to filter, export and verify.
/// </summary>
public sealed partial class DemoDataSeeder(
    AppDbContext db,
    UserManager<AppUser> users,
    TimelineRecorder timeline,
    CheckpointSigner signer,
    ObligationRules obligationRules,
    Notifier notifier,
    TimeProvider clock,
    IOptions<DemoDataOptions> options,
    WarningIssuer warnings,
    TextVersions textVersions,
    ILogger<DemoDataSeeder> logger)
{
    /// <summary>Every demo account has this password; it is printed at start-up with the sign-ins.</summary>
    public const string DemoPassword = "crisis-demo-2026";

    /// <summary>The demo's people: who they are to the demo (printed), their role, sign-in, name and organisation.</summary>
    private static readonly (string Label, string Role, string Email, string Name, string Organisation)[] DemoPeople =
    [
        (Roles.Administrator, Roles.Administrator, "admin@qinghe.demo", "Wang Lei", CityBureau),
        (Roles.Coordinator, Roles.Coordinator, "coordinator@qinghe.demo", "Chen Jing", CityBureau),
        (Roles.AgencyStaff, Roles.AgencyStaff, "staff@qinghe.demo", "Liu Yang", XibaTown),
        (Roles.ResourceManager, Roles.ResourceManager, "resources@qinghe.demo", "Zhao Min", RedCross),
        (Roles.Auditor, Roles.Auditor, "auditor@qinghe.demo", "Sun Hui", Ministry),
        (Roles.Citizen, Roles.Citizen, "citizen@qinghe.demo", "Zhou Fang", Residents),
        // The residents' group's own coordinator: admits the private citizens who ask to join it.
        (GroupOrganiser, Roles.Coordinator, "organiser@qinghe.demo", "Huang Li", Residents),
    ];

    private const string GroupOrganiser = "GroupOrganiser";

    /// <summary>A member of the public who registered themself and asked to join the residents' group; not yet admitted.</summary>
    private static readonly (string Label, string Email, string Name, string Note) PrivateCitizen =
        ("PrivateCitizen", "resident@qinghe.demo", "Wu Hao", "Dongshan east bank, near the levee. First-aid trained; I have a van.");

    private const string Ministry = "Ministry of Emergency Management";
    private const string CityBureau = "Qinghe City Emergency Management Bureau";
    private const string XibaTown = "Xiba Town Government";
    private const string RedCross = "Qinghe Red Cross Society";
    private const string Residents = "Dongshan Residents' Group";

    public async Task SeedAsync(IHostEnvironment environment, CancellationToken ct)
    {
        if (!options.Value.Seed || environment.IsProduction())
        {
            return;
        }

        if (await db.Organisations.AnyAsync(ct))
        {
            LogAlreadySeeded();
        }
        else
        {
            // One transaction: a half-seeded demo would never be seeded again.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await SeedScenarioAsync(clock.GetUtcNow(), ct);
                await transaction.CommitAsync(ct);
            });
            textVersions.Forget();

            // The scenario leaves some obligations unmet (a task nobody acknowledged, a late report, stale
            // inventory): record those breaches as the watch would, then sign every chain.
            await SeedNotificationsAsync(ct);
            await BreachWatch.RecordNewAsync(db, timeline, notifier, obligationRules, clock.GetUtcNow(), ct);
            await NotificationWatch.NotifyDueSoonAsync(db, notifier, obligationRules, TimeSpan.FromMinutes(15), clock.GetUtcNow(), ct);
            await Checkpoints.TakeAsync(db, signer, clock, null, ct);
            LogSeeded(DemoOrganisations.Length, DemoPeople.Length + 1);
        }

        // Printed plainly (not through the logger) so the lines read as "role  e-mail  password".
        Console.WriteLine("Demo sign-ins (role  e-mail  password):");
        foreach (var (label, _, email, _, _) in DemoPeople)
        {
            Console.WriteLine($"  {label,-16} {email,-26} {DemoPassword}");
        }

        Console.WriteLine($"  {PrivateCitizen.Label,-16} {PrivateCitizen.Email,-26} {DemoPassword}");
        Console.WriteLine($"  {DemoVolunteer.Label,-16} {DemoVolunteer.Email,-26} {DemoPassword}");
    }

    private static readonly (string Name, OrganisationKind Kind, AdministrativeLevel Level, string Area, string Contact, string Phone, string Email)[] DemoOrganisations =
    [
        (Ministry, OrganisationKind.Government, AdministrativeLevel.Country, "National", "Duty office", "+86 10 0000 0110", "duty@mem.demo"),
        (CityBureau, OrganisationKind.Government, AdministrativeLevel.City, "Qinghe City", "Emergency operations centre", "+86 27 0000 0119", "eoc@qinghe.demo"),
        ("Dongshan Town Government", OrganisationKind.Government, AdministrativeLevel.Town, "Dongshan Town", "Town duty officer", "+86 27 0000 1201", "duty@dongshan.demo"),
        (XibaTown, OrganisationKind.Government, AdministrativeLevel.Town, "Xiba Town", "Town duty officer", "+86 27 0000 1301", "duty@xiba.demo"),
        ("Liuzhuang Village Committee", OrganisationKind.Government, AdministrativeLevel.Village, "Liuzhuang Village", "Village head", "+86 27 0000 1401", "committee@liuzhuang.demo"),
        (RedCross, OrganisationKind.CivicGroup, AdministrativeLevel.City, "Qinghe City", "Relief coordinator", "+86 27 0000 2001", "relief@redcross-qinghe.demo"),
        (BlueSky, OrganisationKind.CivicGroup, AdministrativeLevel.City, "Qinghe City", "Team leader", "+86 27 0000 2101", "team@bluesky.demo"),
        ("Qinghe Community Food Bank", OrganisationKind.CivicGroup, AdministrativeLevel.City, "Qinghe City", "Warehouse manager", "+86 27 0000 2201", "stock@foodbank.demo"),
        ("Qinghe Logistics Co.", OrganisationKind.Enterprise, AdministrativeLevel.City, "Qinghe City", "Dispatch desk", "+86 27 0000 3001", "dispatch@qhlogistics.demo"),
        ("Xiba Construction Co.", OrganisationKind.Enterprise, AdministrativeLevel.Town, "Xiba Town", "Site manager", "+86 27 0000 3101", "site@xibabuild.demo"),
        (Residents, OrganisationKind.Citizen, AdministrativeLevel.Town, "Dongshan Town", "Group organiser", "+86 27 0000 4001", "residents@dongshan.demo"),
    ];

    private const string BlueSky = "Blue Sky Volunteer Rescue Team";

    /// <summary>The circles the demo organisations serve (centre, radius in km); the ministry, national, sets none.</summary>
    private static readonly Dictionary<string, ServiceArea> DemoServiceAreas = new()
    {
        [CityBureau] = new(30.5928, 114.3055, 60),
        ["Dongshan Town Government"] = new(30.5098, 114.2840, 12),
        [XibaTown] = new(30.6893, 114.1022, 12),
        ["Liuzhuang Village Committee"] = new(30.7342, 114.0513, 4),
        [RedCross] = new(30.6012, 114.3105, 60),
        [BlueSky] = new(30.5633, 114.3320, 40),
        ["Qinghe Community Food Bank"] = new(30.5802, 114.2899, 30),
        ["Qinghe Logistics Co."] = new(30.6204, 114.2511, 80),
        ["Xiba Construction Co."] = new(30.6855, 114.0987, 25),
        [Residents] = new(30.5098, 114.2840, 5),
    };

    /// <summary>Who acted in a demo step: a demo person, or the system (no person) for the initial set-up.</summary>
    private readonly record struct By(Guid? User, Guid? Organisation)
    {
        public static readonly By System = new(null, null);
    }

    private async Task SeedScenarioAsync(DateTimeOffset now, CancellationToken ct)
    {
        // The registry chain, oldest first: installation, the province's organisations, its people, charter decisions, resources.
        await StepAsync(ReferenceData.Action, typeof(ResourceType), By.System, now.AddDays(-61), ct, () => ReferenceData.AddMissingAsync(db, now.AddDays(-61), ct));
        // The scenario's Chinese versions first: the notifications written along the way name its incidents and
        // organisations in every language (ADR 0039), so the versions must be there, and read afresh, before them.
        AddChineseVersions();
        await db.SaveChangesAsync(ct);
        textVersions.Forget();
        var organisations = new Dictionary<string, Organisation>();
        foreach (var (name, kind, level, area, contact, phone, email) in DemoOrganisations)
        {
            var at = now.AddDays(-60);
            await StepAsync("RegisterOrganisation", typeof(Organisation), By.System, at, ct, () =>
            {
                var organisation = Organisation.Register(name, kind, level, area, new OrganisationContact(contact, phone, email), null, at);
                organisation.SetServiceArea(DemoServiceAreas.GetValueOrDefault(name));
                db.Organisations.Add(organisation);
                organisations[name] = organisation;
                return Task.CompletedTask;
            });
        }

        var people = new Dictionary<string, By>();
        var minutes = 0;
        foreach (var (label, role, email, name, organisation) in DemoPeople)
        {
            // The first administrator is made at installation; the administrator adds everyone else.
            var by = people.GetValueOrDefault(Roles.Administrator, By.System);
            await StepAsync("CreateUser", typeof(AppUser), by, now.AddDays(-59).AddMinutes(minutes += 7), ct, async () =>
            {
                var person = await Accounts.CreateAsync(users, name, email, DemoPassword, organisations[organisation].Id, [role]);
                people[label] = new By(person.Id, organisations[organisation].Id);
            });
        }

        await SeedDisabledVolunteerAsync(organisations[Residents], people[Roles.Administrator], now, ct);
        await SeedCharterDecisionsAsync(organisations, people[Roles.Administrator], now, ct);
        await SeedPrivateCitizenAsync(organisations[Residents], people[GroupOrganiser], now, ct);
        await SeedResourcesAsync(organisations, people[Roles.ResourceManager], now, ct);
        if (!await db.Incidents.AnyAsync(ct))
        {
            await SeedIncidentsAsync(organisations, now, people[Roles.AgencyStaff], people[Roles.Citizen], people[Roles.Coordinator], people[Roles.ResourceManager], ct);
            await SeedWarningsAsync(organisations, people[Roles.Coordinator], now, ct);
            await SeedCitizenReportsAsync(people[Roles.Coordinator], now, ct);
            await SeedReviewAsync(organisations, people[Roles.Coordinator], people[Roles.Auditor], now, ct);
            await SeedVolunteerAsync(organisations[BlueSky], people[Roles.Administrator], now, ct);
            await SeedCheckInsAsync(people[Roles.Coordinator], now, ct);
            await SeedAssessmentsAsync(people[Roles.Coordinator], now, ct);
            await SeedRecoveryWorkAsync(organisations, people[Roles.Coordinator], people[Roles.ResourceManager], now, ct);
        }

        await SeedAccessTokenAsync(people[Roles.Administrator].User!.Value, now, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The administrator's token for a nightly export, so their token page shows one. Its secret is thrown away as
    /// it is made: listed, never usable. Tokens are not on the timeline.
    /// </summary>
    private async Task SeedAccessTokenAsync(Guid administrator, DateTimeOffset now, CancellationToken ct)
    {
        var person = await users.FindByIdAsync(administrator.ToString());
        var (id, _, hash) = AccessTokenStore.Mint();
        db.PersonalAccessTokens.Add(new PersonalAccessToken
        {
            Id = id,
            UserId = administrator,
            Name = "Nightly situation export",
            Scope = AccessTokenScope.ReadOnly,
            Hash = hash,
            SecurityStamp = await users.GetSecurityStampAsync(person!),
            CreatedAt = now.AddDays(-6),
            ExpiresAt = now.AddDays(84),
            LastUsedAt = now.AddHours(-7),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A volunteer who left the residents' group: the administrator disabled the account, so the group's page
    /// shows it as disabled and the administrator can enable it again. It cannot sign in.
    /// </summary>
    private async Task SeedDisabledVolunteerAsync(Organisation residents, By admin, DateTimeOffset now, CancellationToken ct)
    {
        Guid volunteer = default;
        await StepAsync("CreateUser", typeof(AppUser), admin, now.AddDays(-40), ct, async () =>
            volunteer = (await Accounts.CreateAsync(users, "Ma Jun", "volunteer@qinghe.demo", DemoPassword, residents.Id, [Roles.Citizen])).Id);
        await StepAsync("DisableAccount", typeof(AppUser), admin, now.AddDays(-3), ct, async () =>
        {
            var person = await users.FindByIdAsync(volunteer.ToString());
            (await users.SetLockoutEndDateAsync(person!, DateTimeOffset.MaxValue)).ThrowIfFailed();
        });
    }

    /// <summary>
    /// A member of the public registers themself and asks to join the residents' group; the organiser declines the
    /// first, bare request (the inbox tells them why), and has yet to answer the second.
    /// </summary>
    private async Task SeedPrivateCitizenAsync(Organisation residents, By organiser, DateTimeOffset now, CancellationToken ct)
    {
        var registered = now.AddDays(-2);
        timeline.Begin();
        var person = await Accounts.CreateAsync(users, PrivateCitizen.Name, PrivateCitizen.Email, DemoPassword, null, [Roles.Citizen]);
        var first = MembershipRequest.Ask(residents.Id, person.Id, "I would like to help.", registered);
        db.MembershipRequests.Add(first);
        await db.SaveChangesAsync(ct);
        // Self-registration: the new person is the actor, acting for no organisation.
        await timeline.RecordAsync("RegisterCitizen", typeof(AppUser), person.Id, null, registered, ct);
        var declined = now.AddDays(-1).AddHours(-20);
        await StepAsync("DeclineMember", typeof(MembershipRequest), organiser, declined, ct, () =>
        {
            first.Decline("Please say where you live and how you can help: we place volunteers by street.", organiser.User!.Value, declined);
            return Task.CompletedTask;
        });
        var asked = now.AddHours(-2);
        await StepAsync("AskToJoinGroup", typeof(MembershipRequest), new By(person.Id, null), asked, ct, () =>
        {
            db.MembershipRequests.Add(MembershipRequest.Ask(residents.Id, person.Id, PrivateCitizen.Note, asked));
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// What the scenario's people were told, written by the real notifier from the data: organisations admitted to open
    /// incidents, tasks given to them, requests asked of them, and the group's answer to the private citizen. Breaches
    /// and due-soon obligations are told by the watches that follow.
    /// </summary>
    private async Task SeedNotificationsAsync(CancellationToken ct)
    {
        IncidentState[] open = [IncidentState.Warning, IncidentState.Response, IncidentState.Recovery];
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var incidents = await db.Incidents.AsNoTracking().Where(i => open.Contains(i.State)).ToDictionaryAsync(i => i.Id, i => i.Title, ct);
            var ids = incidents.Keys.ToList();
            foreach (var p in await db.IncidentParticipants.AsNoTracking()
                .Where(p => ids.Contains(p.IncidentId) && p.Status == ParticipationStatus.Admitted).OrderBy(p => p.AdmittedAt).ToListAsync(ct))
            {
                await notifier.AdmittedToIncidentAsync(p.IncidentId, p.OrganisationId, incidents[p.IncidentId], ct);
            }

            foreach (var t in await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.IncidentId) && t.AssignedOrganisationId != null).OrderBy(t => t.CreatedAt).ToListAsync(ct))
            {
                await notifier.TaskAssignedAsync(t.Id, t.AssignedOrganisationId!.Value, t.Title, t.IncidentId, t.StateChangedAt, ct);
            }

            foreach (var a in await db.RequestAddressees.AsNoTracking().OrderBy(a => a.AskedAt).ToListAsync(ct))
            {
                var need = await db.ResourceRequests.AsNoTracking().Where(r => r.Id == a.RequestId)
                    .Select(r => new { r.Quantity, Type = db.ResourceTypes.Where(t => t.Id == r.ResourceTypeId).Select(t => new { t.Name, t.Unit }).First() })
                    .SingleAsync(ct);
                await notifier.RequestAskedAsync(a.RequestId, a.OrganisationId, need.Quantity, need.Type.Unit, need.Type.Name, ct);
            }

            // What became of each report that is no longer waiting: its reporter is told, as on My reports.
            foreach (var first in await db.IncidentReports.AsNoTracking().Select(r => r.FirstIncidentId).Distinct().ToListAsync(ct))
            {
                var state = await db.Incidents.AsNoTracking().Where(i => i.Id == first).Select(i => i.State).SingleAsync(ct);
                if (ReportOutcomes.Of(state) is not ReportOutcome.Reported and var outcome)
                {
                    await notifier.ReportOutcomeAsync(first, outcome, ct);
                }
            }

            foreach (var m in await db.MembershipRequests.AsNoTracking().Where(m => m.Status != MembershipStatus.Pending).ToListAsync(ct))
            {
                var group = await db.Organisations.AsNoTracking().Where(o => o.Id == m.OrganisationId).Select(o => o.Name).SingleAsync(ct);
                await notifier.MembershipDecidedAsync(m.Id, m.UserId, m.OrganisationId, group, m.Status == MembershipStatus.Admitted, ct);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
    }

    /// <summary>One recorded step: the change, then its timeline event, dated <paramref name="at"/>.</summary>
    private async Task StepAsync(string action, Type subject, By by, DateTimeOffset at, CancellationToken ct, Func<Task> change)
    {
        timeline.Begin();
        await change();
        await timeline.RecordAsync(action, subject, by.User, by.Organisation, at, ct);
    }

    /// <summary>A few decisions an administrator would have recorded: legal bases and one override.</summary>
    private async Task SeedCharterDecisionsAsync(Dictionary<string, Organisation> organisations, By admin, DateTimeOffset now, CancellationToken ct)
    {
        var decisions = new (OrganisationKind Kind, Guid? Organisation, CharterItem Item, Phases Phases, string LegalBasis, double DaysAgo)[]
        {
            (OrganisationKind.Government, null, CharterItem.Of(Right.LeadIncident), Phases.All, "Emergency Response Law, art. 7 (graded, territorial leadership)", 40),
            (OrganisationKind.Government, null, CharterItem.Of(Right.PublishAlert), Phases.All, "Emergency Response Law, art. 43 (warning release)", 40),
            (OrganisationKind.CivicGroup, null, CharterItem.Of(Right.RequestResources), Phases.Response | Phases.Recovery, "Qinghe civic relief agreement 2025, clause 4", 30),
            (OrganisationKind.Enterprise, null, CharterItem.Of(Right.OwnRecoveryProjects), Phases.Recovery, "Qinghe reconstruction contracting rules 2024, art. 3", 20),
            // The volunteer rescue team coordinates its own boat crews during a response.
            (OrganisationKind.CivicGroup, organisations[BlueSky].Id, CharterItem.Of(Right.AssignTasks), Phases.Response | Phases.Recovery, "City EMB designation no. 2025-17 (water rescue)", 12),
        };

        foreach (var (kind, organisation, item, phases, legalBasis, daysAgo) in decisions)
        {
            var at = now.AddDays(-daysAgo);
            await StepAsync("ChangeCharter", typeof(CharterChange), admin, at, ct, () =>
            {
                db.CharterEntries.Add(CharterEntry.For(kind, organisation, item, phases, legalBasis, admin.User!.Value, at));
                db.CharterChanges.Add(CharterChange.Record(kind, organisation, item, (item.DefaultFor(kind), ""), (phases, legalBasis), admin.User!.Value, at));
                return Task.CompletedTask;
            });
        }
    }

    private async Task SeedResourcesAsync(Dictionary<string, Organisation> organisations, By redCrossManager, DateTimeOffset now, CancellationToken ct)
    {
        var types = await db.ResourceTypes.ToDictionaryAsync(t => t.Code, t => t.Id, ct);
        var seeds = new (string Organisation, string Type, decimal Quantity, string Place, double Lat, double Lon, double ConfirmedHoursAgo)[]
        {
            (RedCross, "shelter-bed", 400, "Red Cross depot, Qinghe North", 30.6012, 114.3105, 3),
            (RedCross, "drinking-water", 20_000, "Red Cross depot, Qinghe North", 30.6012, 114.3105, 3),
            (RedCross, "blanket", 1_500, "Red Cross depot, Qinghe North", 30.6012, 114.3105, 30),
            (RedCross, "medical-team", 3, "Qinghe First Hospital", 30.5951, 114.2987, 2),
            (BlueSky, "rescue-boat", 6, "Team base, Qing River east bank", 30.5633, 114.3320, 5),
            (BlueSky, "search-rescue-team", 4, "Team base, Qing River east bank", 30.5633, 114.3320, 5),
            (BlueSky, "volunteer", 120, "Team base, Qing River east bank", 30.5633, 114.3320, 26),
            ("Qinghe Community Food Bank", "food-ration", 8_000, "Food bank warehouse, Riverside Road", 30.5802, 114.2899, 12),
            ("Qinghe Logistics Co.", "truck", 25, "Qinghe Logistics yard, Ring Road 3", 30.6204, 114.2511, 8),
            ("Xiba Construction Co.", "excavator", 5, "Xiba Construction yard", 30.6855, 114.0987, 4),
            ("Xiba Construction Co.", "crane", 2, "Xiba Construction yard", 30.6855, 114.0987, 4),
            (CityBureau, "generator", 12, "City emergency stores, Qinghe South", 30.5521, 114.3012, 20),
            (CityBureau, "water-pump", 20, "City emergency stores, Qinghe South", 30.5521, 114.3012, 20),
            (CityBureau, "sandbag", 30_000, "City emergency stores, Qinghe South", 30.5521, 114.3012, 50),
            (Residents, "volunteer", 35, "Dongshan community centre", 30.5098, 114.2840, 10),
        };

        // In time order, as the registry chain requires.
        foreach (var (organisation, type, quantity, place, lat, lon, hoursAgo) in seeds.OrderByDescending(r => r.ConfirmedHoursAgo))
        {
            var at = now.AddHours(-hoursAgo);
            // The Red Cross's own resource manager is a demo user; other holders registered theirs before the portal had their staff.
            var by = organisation == RedCross ? redCrossManager : By.System;
            await StepAsync("RegisterResource", typeof(Resource), by, at, ct, () =>
            {
                db.Resources.Add(Resource.Register(organisations[organisation].Id, types[type], new ResourceDetails(quantity, place, lat, lon, null, null, ""), at));
                return Task.CompletedTask;
            });
        }
    }

    private async Task SeedIncidentsAsync(Dictionary<string, Organisation> organisations, DateTimeOffset now, By staff, By citizen, By coordinator, By redCrossManager, CancellationToken ct)
    {
        Step To(IncidentState state, DateTimeOffset at, string reason) => new(at, "TransitionIncident", i => i.TransitionTo(state, reason, at));
        Step Lead(string name, DateTimeOffset at) => new(at, "SetIncidentLead", i =>
        {
            var o = organisations[name];
            i.AssignLead(o.Id, o.Name, o.Kind, o.Level, GradedResponse.Default);
            db.IncidentParticipants.Add(IncidentParticipant.Admit(i.Id, o.Id, SetIncidentLeadCommandHandler.LeadNote, coordinator.User, at));
        });
        Step Bring(string name, DateTimeOffset at, string note) => new(at, "AdmitParticipant", i =>
            db.IncidentParticipants.Add(IncidentParticipant.Admit(i.Id, organisations[name].Id, note, coordinator.User, at)), typeof(IncidentParticipant));
        Step Aim(string title, decimal? target, string unit, DateTimeOffset at, decimal progress) => new(at, "SetObjective", i =>
        {
            var objective = Objective.Set(i.Id, i.State.Phase(), title, target, unit, at);
            if (progress > 0)
            {
                objective.RecordProgress(progress, at);
            }

            db.Objectives.Add(objective);
        }, typeof(Objective));
        // A task given to an organisation, then (optionally) taken further by that organisation, one recorded step each.
        IEnumerable<Step> Work(string title, string? to, TaskPriority priority, DateTimeOffset at, params TaskState[] then)
        {
            IncidentTask? task = null;
            yield return new(at, "CreateTask", i =>
            {
                task = IncidentTask.Create(i.Id, title, "", i.State.Phase(), null, priority, null, [], coordinator.User, at);
                if (to is not null)
                {
                    task.AssignTo(organisations[to].Id, at);
                }

                db.Tasks.Add(task);
            }, typeof(IncidentTask));
            var when = at;
            foreach (var state in then)
            {
                when = when.AddMinutes(20);
                var step = when;
                var by = to == RedCross ? redCrossManager : new By(null, organisations[to!].Id);
                yield return new(step, state switch { TaskState.Accepted => "AcceptTask", TaskState.InProgress => "StartTask", _ => "CompleteTask" }, _ =>
                {
                    switch (state)
                    {
                        case TaskState.Accepted: task!.Accept(step); break;
                        case TaskState.InProgress: task!.Start(step); break;
                        default: task!.Complete(step); break;
                    }
                }, typeof(IncidentTask), by);
            }
        }

        By Member(string name) => name == RedCross ? redCrossManager : new By(null, organisations[name].Id);
        Step Report(string name, DateTimeOffset at, string summary, int? casualties, int? affected, string needs, string done, string next) =>
            new(at, "SubmitSituationReport", i => db.SituationReports.Add(SituationReport.Submit(
                i.Id, organisations[name].Id, Member(name).User, summary, casualties, affected, needs, done, next, at)), typeof(SituationReport), Member(name));
        Step Say(string name, DateTimeOffset at, string text) =>
            new(at, "PostLogEntry", i => db.LogEntries.Add(LogEntry.Post(i.Id, organisations[name].Id, Member(name).User, text, at)), typeof(LogEntry), Member(name));

        Step Asks(string name, DateTimeOffset at, string note) => new(at, "RequestToJoin", i =>
            db.IncidentParticipants.Add(IncidentParticipant.Request(i.Id, organisations[name].Id, note, at)), typeof(IncidentParticipant),
            new By(null, organisations[name].Id));
        Step Grade(Severity severity, DateTimeOffset at, string reason) => new(at, "SetIncidentSeverity", i =>
            i.ChangeSeverity(severity, reason, organisations.Values.FirstOrDefault(o => o.Id == i.LeadOrganisationId)?.Level, GradedResponse.Default));

        var types = await db.ResourceTypes.ToDictionaryAsync(t => t.Code, t => t.Id, ct);
        // A resource request, optionally asked of one holder, answered, committed and moved on; one recorded step each.
        IEnumerable<Step> Need(
            string type, decimal quantity, string place, double latitude, double longitude, DateTimeOffset at, TimeSpan neededWithin,
            string? ask = null, (OfferAnswer Answer, decimal Quantity, string Note)? answer = null, params CommitmentState[] moves)
        {
            ResourceRequest? request = null;
            ResourceOffer? offer = null;
            ResourceCommitment? commitment = null;
            yield return new(at, "RaiseResourceRequest", i =>
            {
                request = ResourceRequest.Raise(i.Id, types[type], quantity, at + neededWithin, new GeoPlace(place, latitude, longitude), TaskPriority.High, "",
                    coordinator.User, coordinator.Organisation!.Value, at);
                db.ResourceRequests.Add(request);
            }, typeof(ResourceRequest));
            if (ask is null)
            {
                yield break;
            }

            var asked = at.AddMinutes(5);
            yield return new(asked, "AskOrganisation", _ => db.RequestAddressees.Add(RequestAddressee.Ask(request!, organisations[ask].Id, coordinator.User, asked)), typeof(RequestAddressee));
            if (answer is not { } a)
            {
                yield break;
            }

            var answered = at.AddMinutes(30);
            var stock = db.Resources.Local.Single(r => r.OrganisationId == organisations[ask].Id && r.ResourceTypeId == types[type]);
            yield return new(answered, "RespondToResourceRequest", i =>
            {
                offer = ResourceOffer.Make(i.Id, request!.Id, organisations[ask].Id, stock.Id, a.Answer, a.Quantity, answered.AddHours(1), a.Note, Member(ask).User, answered);
                db.ResourceOffers.Add(offer);
            }, typeof(ResourceOffer), Member(ask));
            if (moves.Length == 0)
            {
                yield break;
            }

            var when = at.AddMinutes(40);
            yield return new(when, "CommitOffer", _ =>
            {
                stock.Reserve(a.Quantity);
                commitment = ResourceCommitment.Commit(offer!, a.Quantity, coordinator.User, when);
                db.ResourceCommitments.Add(commitment);
            }, typeof(ResourceCommitment));
            foreach (var move in moves.Skip(1))
            {
                when = when.AddMinutes(50);
                var moved = when;
                yield return new(moved, move == CommitmentState.Released ? "ReleaseCommitment" : "ReportCommitment", _ =>
                {
                    commitment!.MoveTo(move, "", moved);
                    if (move == CommitmentState.Released)
                    {
                        stock.Restore(commitment.Quantity);
                    }
                }, typeof(ResourceCommitment), move == CommitmentState.Released ? coordinator : Member(ask));
            }
        }

        Step Offers(string name, string type, decimal quantity, DateTimeOffset at, string note) => new(at, "OfferResources", i =>
        {
            var stock = db.Resources.Local.Single(r => r.OrganisationId == organisations[name].Id && r.ResourceTypeId == types[type]);
            db.ResourceOffers.Add(ResourceOffer.Make(i.Id, null, organisations[name].Id, stock.Id, OfferAnswer.Accept, quantity, at.AddHours(2), note, Member(name).User, at));
        }, typeof(ResourceOffer), Member(name));

        const string Dongshan = "Dongshan Town Government";
        await LogAsync(now.AddDays(-21), "Norovirus outbreak at Dongshan nursing home",
            "41 residents and 6 staff with vomiting and diarrhoea over three days; two residents hospitalised. Kitchen closed and wards isolated.",
            IncidentCategory.PublicHealth, Severity.IV, "Dongshan Town, Sunshine Nursing Home", 30.5061, 114.2795, staff, coordinator, ct, [
            Lead(Dongshan, now.AddDays(-21).AddHours(1)),
            To(IncidentState.Response, now.AddDays(-21).AddHours(2), "Confirmed by the district CDC: 47 cases, norovirus in stool samples."),
            Aim("Isolate affected wards and trace contacts", null, "", now.AddDays(-21).AddHours(3), 1),
            To(IncidentState.Recovery, now.AddDays(-17), "No new cases for 72 hours; wards being disinfected."),
            Aim("Disinfect kitchens and wards", null, "", now.AddDays(-16), 1),
            To(IncidentState.Closed, now.AddDays(-12), "Wards reopened; the CDC declared the outbreak over.")]);
        await LogAsync(now.AddDays(-6), "Chlorine leak at Qinghe Chemical Park",
            "Valve failure on a storage tank released chlorine gas; residents within 1.5 km downwind were evacuated. The leak is sealed; decontamination and health checks of residents continue.",
            IncidentCategory.AccidentDisaster, Severity.III, "Qinghe City, Chemical Industrial Park, Gate 3", 30.5883, 114.3921, staff, coordinator, ct, [
            Lead(CityBureau, now.AddDays(-6).AddMinutes(10)),
            To(IncidentState.Response, now.AddDays(-6).AddMinutes(25), "Chlorine detected at the park fence; evacuation of the downwind blocks ordered."),
            Bring(RedCross, now.AddDays(-6).AddMinutes(50), "Shelter and first aid for evacuated residents"),
            To(IncidentState.Recovery, now.AddDays(-3), "Leak sealed; air readings normal for 48 hours."),
            Aim("Health checks for evacuated residents", 1800, "people", now.AddDays(-3).AddHours(2), 1240),
            .. Work("Health checks for evacuated residents", RedCross, TaskPriority.High, now.AddDays(-3).AddHours(3), TaskState.Accepted, TaskState.InProgress),
            Aim("Decontaminate Gate 3 and the drainage channel", null, "", now.AddDays(-2), 0)]);
        await LogAsync(now.AddHours(-9), "M6.1 earthquake near Xiba Town",
            "Shallow M6.1 earthquake at 04:12 local time. Houses collapsed in the old quarter, the middle school is damaged, and a landslide has cut the road to Liuzhuang. About 3,000 people displaced.",
            IncidentCategory.NaturalDisaster, Severity.II, "Xiba Town", 30.6893, 114.1022, staff, coordinator, ct, [
            To(IncidentState.Response, now.AddHours(-9).AddMinutes(15), "Seismic network confirms M6.1 at 10 km depth; collapsed houses reported in the old quarter."),
            Lead(CityBureau, now.AddHours(-9).AddMinutes(20)),
            Bring(RedCross, now.AddHours(-8).AddMinutes(-30), "Shelter beds, water and medical teams"),
            Bring(BlueSky, now.AddHours(-8), "Search and rescue in the old quarter"),
            Bring(Ministry, now.AddHours(-8).AddMinutes(5), "National working group: oversight and liaison"),
            Aim("Search every collapsed house in the old quarter", 120, "houses", now.AddHours(-7).AddMinutes(30), 85),
            Aim("Shelter displaced residents", 3000, "people", now.AddHours(-7).AddMinutes(35), 2100),
            Aim("Reopen the road to Liuzhuang", null, "", now.AddHours(-7).AddMinutes(40), 0),
            .. Work("Damage survey of Xiba Middle School", XibaTown, TaskPriority.High, now.AddHours(-7).AddMinutes(45), TaskState.Accepted, TaskState.InProgress, TaskState.Done),
            .. Work("Search collapsed houses in the old quarter", BlueSky, TaskPriority.Urgent, now.AddHours(-7).AddMinutes(50), TaskState.Accepted, TaskState.InProgress),
            .. Work("Shelter displaced residents at the middle-school playground", RedCross, TaskPriority.Urgent, now.AddHours(-7).AddMinutes(55), TaskState.Accepted),
            .. Work("Clear the landslide on the Liuzhuang road", "Xiba Construction Co.", TaskPriority.High, now.AddHours(-6)),
            .. Work("Deliver drinking water to the old quarter", null, TaskPriority.Normal, now.AddHours(-5)),
            Report(XibaTown, now.AddHours(-4), "Old quarter: 140 houses collapsed or unsafe. Middle school cracked but standing; classes suspended. Power restored to half the town.",
                7, 3100, "Tents, drinking water, a second medical team", "Damage survey finished; command post at the town hall", "Survey of outlying hamlets by nightfall"),
            Report(RedCross, now.AddHours(-3), "Two shelters open at the middle-school playground with 2,100 people; water and blankets holding for 24 hours.",
                null, 2100, "More blankets for the night; 1,000 food rations", "Shelters set up; first-aid post staffed", "Open a third shelter if the count passes 2,500"),
            Say(BlueSky, now.AddHours(-2).AddMinutes(-10), "Team 3 pulled two people alive from No. 14 Old Street; both to Qinghe First Hospital."),
            Say(RedCross, now.AddHours(-1), "Shelter B at capacity; new arrivals to shelter A."),
            Bring("Xiba Construction Co.", now.AddHours(-7), "Excavators and cranes to clear collapsed houses and the Liuzhuang road"),
            Asks("Qinghe Logistics Co.", now.AddHours(-2), "25 trucks to move relief supplies from the city depots"),
            // Resource requests: shelter beds partly covered and delivered, water covered and delivered, excavators
            // asked of the builder who has not answered (a breach), blankets just asked of the Red Cross (the demo
            // resource manager can answer), and trucks offered unasked by the logistics company.
            .. Need("shelter-bed", 600, "Xiba Middle School playground", 30.6901, 114.1030, now.AddHours(-7).AddMinutes(20), TimeSpan.FromHours(4),
                RedCross, (OfferAnswer.Accept, 400, "All 400 beds from the North depot"), CommitmentState.Committed, CommitmentState.EnRoute, CommitmentState.Arrived),
            .. Need("excavator", 3, "Liuzhuang road landslide, km 4", 30.7105, 114.0800, now.AddHours(-6).AddMinutes(10), TimeSpan.FromHours(3), "Xiba Construction Co."),
            .. Need("drinking-water", 5_000, "Xiba Middle School playground", 30.6901, 114.1030, now.AddHours(-5).AddMinutes(30), TimeSpan.FromHours(3),
                RedCross, (OfferAnswer.Provisional, 5_000, "Trucks to be confirmed"), CommitmentState.Committed, CommitmentState.EnRoute, CommitmentState.Arrived),
            .. Need("blanket", 1_000, "Xiba Middle School playground", 30.6901, 114.1030, now.AddMinutes(-50), TimeSpan.FromHours(8), RedCross),
            Offers("Qinghe Logistics Co.", "truck", 10, now.AddMinutes(-100), "Ten trucks with drivers, from the Ring Road 3 yard")]);
        await LogAsync(now.AddHours(-8).AddMinutes(-20), "Explosion reported at Xiba railway station",
            "Caller reported an explosion at the station. Checked by the station police: a transformer failure caused by the earthquake, already on the earthquake incident.",
            IncidentCategory.SocialSecurity, Severity.III, "Xiba railway station", 30.6921, 114.1107, staff, coordinator, ct, [
            To(IncidentState.Dismissed, now.AddHours(-8), "Station police found a transformer failure, not an explosion; handled under the earthquake incident.")]);
        // Led by the town, then re-graded past the town's reach: the demo's escalation waiting for the city.
        await LogAsync(now.AddHours(-3), "Qing River rising at Dongshan levee",
            "Gauge at Dongshan reads 27.9 m, 0.6 m below the warning level and rising 8 cm an hour after 36 hours of rain upstream. Low-lying farms on the east bank at risk within 24 hours.",
            IncidentCategory.NaturalDisaster, Severity.III, "Dongshan Town, Qing River levee km 12", 30.5124, 114.2861, staff, coordinator, ct, [
            To(IncidentState.Warning, now.AddHours(-2).AddMinutes(-30), "Gauge 0.6 m below the warning level and rising 8 cm an hour; forecast more rain upstream."),
            Lead(Dongshan, now.AddHours(-2).AddMinutes(-20)),
            Bring(BlueSky, now.AddHours(-2), "Boat crews on standby at the east bank"),
            Aim("Evacuate the east-bank farms", 300, "people", now.AddHours(-1).AddMinutes(-50), 120),
            .. Work("Boat crews on standby at the east bank", BlueSky, TaskPriority.High, now.AddHours(-1).AddMinutes(-45), TaskState.Accepted),
            Bring(Residents, now.AddHours(-1).AddMinutes(-40), "Sandbagging volunteers on the east bank"),
            .. Work("Fill sandbags at the east-bank depot", Residents, TaskPriority.High, now.AddMinutes(-30)),
            Grade(Severity.II, now.AddHours(-1), "Upstream reservoir has started releasing water; overtopping of the east levee likely within 12 hours.")]);
        // A resident's report from their phone: no grade (the verifier will set one), two photos, a number to call back.
        await LogAsync(now.AddMinutes(-40), "Cracks in Liuzhuang reservoir dam",
            "A resident reports new cracks along the top of the small reservoir dam since the earthquake, with water seeping at its foot. Not yet checked by officials.",
            IncidentCategory.NaturalDisaster, null, "Liuzhuang Village reservoir", 30.7342, 114.0513, citizen, coordinator, ct, [],
            new DemoReport("+86 139 0000 4321", ("dam-crest.jpg", DemoImages.Jpeg(96, 64, DemoImages.CrackedWall)), ("seepage.png", SeepagePicture())));
    }

    /// <summary>
    /// Public warnings (CAP): the flood's public warning, published and updated once; the chlorine leak's earlier
    /// warning, cancelled, and a live one restricted to the chemical park's neighbours. Each after the last step of
    /// its incident's chain, which never runs backwards in time.
    /// </summary>
    private async Task SeedWarningsAsync(Dictionary<string, Organisation> organisations, By coordinator, DateTimeOffset now, CancellationToken ct)
    {
        var flood = db.Incidents.Local.Single(i => i.Title == "Qing River rising at Dongshan levee");
        var chlorine = db.Incidents.Local.Single(i => i.Title == "Chlorine leak at Qinghe Chemical Park");
        var eastBank = new WarningArea("Dongshan Town, east bank farms below the levee", null,
            [new(30.505, 114.288), new(30.505, 114.305), new(30.525, 114.305), new(30.525, 114.288), new(30.505, 114.288)]);
        WarningContent Flood(string headline, string description, CapUrgency urgency, DateTimeOffset expires, params WarningArea[] areas) => new(
            "Flood", headline, description, "Leave the east-bank farms for Dongshan Middle School before dark; take livestock to the upper fields. Do not cross the levee road.",
            [CapResponseType.Evacuate], urgency, CapCertainty.Likely, "Residents and farms of the Qing River east bank", null, null, expires, WarningScope.Public, "", [], areas);

        var floodWarning = await WarningStepAsync("DraftWarning", coordinator, now.AddMinutes(-58), ct, () =>
        {
            var warning = Warning.Draft(flood.Id, WarningStatus.Actual, Flood(
                "Flood warning: Qing River east bank at Dongshan",
                "The Qing River at Dongshan is 0.6 m below the warning level and rising 8 cm an hour; the upstream reservoir is releasing water.",
                CapUrgency.Expected, now.AddHours(18), eastBank), coordinator.User!.Value, coordinator.Organisation!.Value, now.AddMinutes(-58));
            db.Warnings.Add(warning);
            return Task.FromResult(warning);
        });
        await WarningStepAsync("ApproveAndPublishWarning", coordinator, now.AddMinutes(-55), ct, async () =>
            await PublishedAsync(floodWarning, await warnings.IssueAtAsync(floodWarning, floodWarning.Publish(coordinator.User!.Value, coordinator.Organisation!.Value, now.AddMinutes(-55)), "", now.AddMinutes(-55), ct), ct));
        await WarningStepAsync("EditWarning", coordinator, now.AddMinutes(-25), ct, async () =>
            await warnings.IssueAtAsync(floodWarning, floodWarning.Edit(Flood(
                "Flood warning: east levee at Dongshan may overtop tonight",
                "The reservoir release has raised the river to the warning level; the east levee at km 12 may overtop within 12 hours.",
                CapUrgency.Immediate, now.AddHours(18), eastBank, new WarningArea("Qing River levee km 12, 2 km around", new GeoCircle(30.5124, 114.2861, 2), null)), now.AddMinutes(-25))!.Value, "", now.AddMinutes(-25), ct));

        WarningContent Chlorine(string headline, string instruction, WarningScope scope, Guid[] recipients, DateTimeOffset expires) => new(
            "Chemical decontamination", headline, "Chlorine residue is being washed from Gate 3 and the drainage channel of the Qinghe Chemical Park.", instruction,
            [CapResponseType.Avoid, CapResponseType.Monitor], CapUrgency.Expected, CapCertainty.Observed, "", null, null, expires, scope,
            scope == WarningScope.Restricted ? "Organisations neighbouring the Qinghe Chemical Park" : "", recipients,
            [new WarningArea("Qinghe Chemical Park, Gate 3, 1.5 km around", new GeoCircle(chlorine.Latitude, chlorine.Longitude, 1.5), null)]);
        var cancelled = await WarningStepAsync("DraftWarning", coordinator, now.AddDays(-2).AddHours(1), ct, () =>
        {
            var warning = Warning.Draft(chlorine.Id, WarningStatus.Actual, Chlorine(
                "Avoid the drainage channel east of the chemical park", "Keep away from the drainage channel; do not let children or animals near the water.",
                WarningScope.Public, [], now.AddDays(2)), coordinator.User!.Value, coordinator.Organisation!.Value, now.AddDays(-2).AddHours(1));
            db.Warnings.Add(warning);
            return Task.FromResult(warning);
        });
        await WarningStepAsync("ApproveAndPublishWarning", coordinator, now.AddDays(-2).AddHours(2), ct, async () =>
            await warnings.IssueAtAsync(cancelled, cancelled.Publish(coordinator.User!.Value, coordinator.Organisation!.Value, now.AddDays(-2).AddHours(2)), "", now.AddDays(-2).AddHours(2), ct));
        await WarningStepAsync("CancelWarning", coordinator, now.AddDays(-1), ct, async () =>
            await warnings.IssueAtAsync(cancelled, cancelled.Cancel(now.AddDays(-1))!.Value, "The channel was decontaminated and the water tested clean.", now.AddDays(-1), ct));

        var neighbours = new[] { organisations["Qinghe Logistics Co."].Id, organisations["Qinghe Community Food Bank"].Id };
        var restricted = await WarningStepAsync("DraftWarning", coordinator, now.AddHours(-20), ct, () =>
        {
            var warning = Warning.Draft(chlorine.Id, WarningStatus.Actual, Chlorine(
                "Decontamination at Gate 3: keep windows closed near the park", "Keep windows on the park side closed and staff indoors during washing, 08:00–18:00.",
                WarningScope.Restricted, neighbours, now.AddDays(2)), coordinator.User!.Value, coordinator.Organisation!.Value, now.AddHours(-20));
            db.Warnings.Add(warning);
            return Task.FromResult(warning);
        });
        await WarningStepAsync("ApproveAndPublishWarning", coordinator, now.AddHours(-19), ct, async () =>
            await PublishedAsync(restricted, await warnings.IssueAtAsync(restricted, restricted.Publish(coordinator.User!.Value, coordinator.Organisation!.Value, now.AddHours(-19)), "", now.AddHours(-19), ct), ct));
    }

    /// <summary>
    /// The closed norovirus outbreak's after-action review: the city coordinator's finding and lesson, the auditor's
    /// comment, then the lead (the town) signs it, so the demo shows a finished, frozen review.
    /// </summary>
    private async Task SeedReviewAsync(Dictionary<string, Organisation> organisations, By coordinator, By auditor, DateTimeOffset now, CancellationToken ct)
    {
        var incident = db.Incidents.Local.Single(i => i.Title == "Norovirus outbreak at Dongshan nursing home").Id;
        async Task NoteAsync(string action, ReviewNoteKind kind, By by, DateTimeOffset at, string text) =>
            await StepAsync(action, typeof(ReviewNote), by, at, ct, () =>
            {
                db.ReviewNotes.Add(ReviewNote.Write(incident, kind, text, by.Organisation!.Value, by.User, at));
                return Task.CompletedTask;
            });

        await NoteAsync("AddReviewLesson", ReviewNoteKind.Finding, coordinator, now.AddDays(-11),
            "The kitchen stayed open for a day after the first cases; the outbreak spread to the second ward through shared meals.");
        await NoteAsync("AddReviewLesson", ReviewNoteKind.Lesson, coordinator, now.AddDays(-11).AddHours(1),
            "Close shared kitchens at the first cluster of vomiting cases in a care home, before the laboratory confirms norovirus.");
        await NoteAsync("CommentOnReview", ReviewNoteKind.Comment, auditor, now.AddDays(-10),
            "Checked against the incident's chain: every step is recorded and no obligation was breached.");

        var lead = new By(null, organisations["Dongshan Town Government"].Id);
        await StepAsync("SignReview", typeof(ReviewSignature), lead, now.AddDays(-9), ct, async () =>
        {
            var through = await db.TimelineEvents.Where(e => e.ChainId == incident).MaxAsync(e => e.Sequence, ct);
            var content = await ReviewDrafter.DraftAsync(db, incident, through, ct);
            db.ReviewSignatures.Add(ReviewSignature.Sign(incident, ReviewDrafter.HashOf(content), through, lead.Organisation!.Value, null, now.AddDays(-9)));
        });
    }

    /// <summary>One recorded warning step on its incident's chain.</summary>
    /// <summary>As publishing does: the organisations whose service area it touches are told.</summary>
    private async Task<WarningMessage> PublishedAsync(Warning warning, WarningMessage message, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await notifier.WarningInAreaAsync(warning, ct);
        return message;
    }

    private async Task<T> WarningStepAsync<T>(string action, By by, DateTimeOffset at, CancellationToken ct, Func<Task<T>> change)
    {
        T result = default!;
        await StepAsync(action, typeof(Warning), by, at, ct, async () => result = await change());
        return result;
    }

    /// <summary>One recorded change to an incident, as the coordinator made it.</summary>
    private readonly record struct Step(DateTimeOffset At, string Action, Action<Incident> Apply, Type? Subject = null, By? Actor = null);

    /// <summary>An incident's own chain: reported by one person, then led, graded and moved through its states by the coordinator.</summary>
    private async Task LogAsync(
        DateTimeOffset reportedAt,
        string title,
        string description,
        IncidentCategory category,
        Severity? severity,
        string place,
        double latitude,
        double longitude,
        By reporter,
        By coordinator,
        CancellationToken ct,
        IEnumerable<Step> steps,
        DemoReport? report = null)
    {
        Incident? incident = null;
        await StepAsync("LogIncident", typeof(Incident), reporter, reportedAt, ct, () =>
        {
            incident = Incident.Report(title, description, category, severity, place, latitude, longitude, reportedAt,
                new Reporter(reporter.User!.Value, reporter.Organisation!.Value));
            db.Incidents.Add(incident);
            // As LogIncident does: the reporting organisation takes part from the start.
            db.IncidentParticipants.Add(IncidentParticipant.Admit(incident.Id, reporter.Organisation!.Value, LogIncidentCommandHandler.ReporterNote, reporter.User, reportedAt));
            FileReport(incident, reporter.User!.Value, reporter.Organisation, report ?? new DemoReport(""));
            return Task.CompletedTask;
        });

        // In time order, as the chain records them (a stable sort: steps at the same moment keep their order).
        foreach (var step in steps.OrderBy(s => s.At))
        {
            await StepAsync(step.Action, step.Subject ?? typeof(Incident), step.Actor ?? coordinator, step.At, ct, () =>
            {
                step.Apply(incident!);
                return Task.CompletedTask;
            });
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: seeded {Organisations} organisations, {People} people, resources and incidents")]
    private partial void LogSeeded(int organisations, int people);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: the database already has organisations; nothing seeded")]
    private partial void LogAlreadySeeded();
}
