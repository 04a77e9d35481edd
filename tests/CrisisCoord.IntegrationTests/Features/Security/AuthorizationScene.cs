using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.People;
using CrisisCoord.Application.Features.Warnings;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Requests;
using CrisisCoord.Domain.Resources;
using CrisisCoord.Domain.Warnings;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IncidentRecord = CrisisCoord.Domain.Incidents.Incident;
using ObjectiveRecord = CrisisCoord.Domain.Incidents.Objective;
using ResourceRecord = CrisisCoord.Domain.Resources.Resource;
using WarningRecord = CrisisCoord.Domain.Warnings.Warning;

namespace CrisisCoord.IntegrationTests.Features.Security;

/// <summary>
/// A grade II (city-level) earthquake in response, led by a city bureau, with a citizens' group taking part; a
/// village committee that takes no part; a private citizen; and a ministry auditor. Every subject the API acts
/// on exists: an objective, a task given to the city, the city's water, a request for water with the city's
/// offer and a commitment, and two requests to join the group (one pending, one already declined).
/// </summary>
public sealed class AuthorizationScene
{
    public static readonly string[] Roles = [Application.Security.Roles.Administrator, Application.Security.Roles.Coordinator, Application.Security.Roles.AgencyStaff,
        Application.Security.Roles.ResourceManager, Application.Security.Roles.Auditor, Application.Security.Roles.Citizen];

    public required Guid City { get; init; }

    public required Guid Village { get; init; }

    public required Guid Group { get; init; }

    /// <summary>A citizens' group nobody has asked to join.</summary>
    public required Guid OtherGroup { get; init; }

    /// <summary>One person per role in the city bureau, which takes part.</summary>
    public required IReadOnlyDictionary<string, Actor> Participant { get; init; }

    /// <summary>One person per role in the village committee, which does not.</summary>
    public required IReadOnlyDictionary<string, Actor> Outsider { get; init; }

    public required Actor PrivateCitizen { get; init; }

    public required Actor GroupMember { get; init; }

    public required Actor Auditor { get; init; }

    public required Guid Incident { get; init; }

    public required Guid Objective { get; init; }

    public required Guid Task { get; init; }

    public required Guid Resource { get; init; }

    public required Guid Request { get; init; }

    public required Guid Offer { get; init; }

    public required Guid Commitment { get; init; }

    public required Guid PendingMembership { get; init; }

    public required Guid DeclinedMembership { get; init; }

    /// <summary>A draft warning by the city's staff.</summary>
    public required Guid Warning { get; init; }

    /// <summary>A published warning restricted to the village committee (which takes no part).</summary>
    public required Guid RestrictedWarning { get; init; }

    /// <summary>A photo of the city staff's report of the incident.</summary>
    public required Guid Photo { get; init; }

    /// <summary>The private citizen's call for help on the incident.</summary>
    public required Guid CheckIn { get; init; }

    public static async Task<AuthorizationScene> CreateAsync(CrisisCoordApp app)
    {
        var now = DateTimeOffset.UtcNow;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        var city = Organisation.Register("Matrix City Emergency Bureau", OrganisationKind.Government, AdministrativeLevel.City, "Matrix City", OrganisationContact.None, null, now);
        var village = Organisation.Register("Matrix Village Committee", OrganisationKind.Government, AdministrativeLevel.Village, "Matrix Village", OrganisationContact.None, null, now);
        var group = Organisation.Register("Matrix Residents' Group", OrganisationKind.Citizen, AdministrativeLevel.Town, "Matrix Town", OrganisationContact.None, null, now);
        var ministry = Organisation.Register("Matrix Ministry", OrganisationKind.Government, AdministrativeLevel.Country, "National", OrganisationContact.None, null, now);
        var otherGroup = Organisation.Register("Matrix Hill Residents", OrganisationKind.Citizen, AdministrativeLevel.Village, "Matrix Hill", OrganisationContact.None, null, now);
        db.Organisations.AddRange(city, village, group, ministry, otherGroup);
        await db.SaveChangesAsync();

        async Task<Actor> Person(string role, Organisation? organisation)
        {
            var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@matrix.example";
            var person = await Accounts.CreateAsync(users, $"Matrix {role}", email, Actors.Password, organisation?.Id, [role]);
            return new Actor(person.Id, organisation?.Id ?? Guid.Empty, organisation?.Kind ?? OrganisationKind.Citizen, email, Actors.Password, role);
        }

        var participant = new Dictionary<string, Actor>();
        var outsider = new Dictionary<string, Actor>();
        foreach (var role in Roles)
        {
            participant[role] = await Person(role, city);
            outsider[role] = await Person(role, village);
        }

        var privateCitizen = await Person(Application.Security.Roles.Citizen, null);
        var declinedCitizen = await Person(Application.Security.Roles.Citizen, null);
        var member = await Person(Application.Security.Roles.Citizen, group);
        var auditor = await Person(Application.Security.Roles.Auditor, ministry);

        var graded = scope.ServiceProvider.GetRequiredService<GradedResponse>();
        var incident = IncidentRecord.Report(
            "Matrix earthquake", "M6.1 under Matrix City; collapsed buildings in the old town.", IncidentCategory.NaturalDisaster, Severity.II,
            "Matrix old town", 30.5, 114.3, now, new Reporter(participant[Application.Security.Roles.AgencyStaff].UserId, city.Id));
        incident.TransitionTo(IncidentState.Response, "Confirmed by the seismic network", now);
        incident.AssignLead(city.Id, city.Name, city.Kind, city.Level, graded);
        db.Incidents.Add(incident);
        db.IncidentParticipants.Add(IncidentParticipant.Admit(incident.Id, city.Id, "Leads", null, now));
        db.IncidentParticipants.Add(IncidentParticipant.Admit(incident.Id, group.Id, "Volunteers for the old town", null, now));
        var report = Domain.Reports.IncidentReport.File(incident.Id, participant[Application.Security.Roles.AgencyStaff].UserId, city.Id, "", false, now);
        db.IncidentReports.Add(report);
        var picture = Web.Infrastructure.DemoImages.Png(4, 4, (_, _) => new Web.Infrastructure.DemoImages.Rgb(90, 90, 90));
        var photo = Domain.Reports.ReportPhoto.Store(report, 1, "image/png", "old-town.png", picture, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(picture)), false, now);
        db.ReportPhotos.Add(photo);

        var objective = ObjectiveRecord.Set(incident.Id, Phases.Response, "Search every collapsed building", 40, "buildings", now);
        db.Objectives.Add(objective);
        var task = IncidentTask.Create(incident.Id, "Search block 7", "", Phases.Response, objective.Id, TaskPriority.Urgent, null, [], null, now);
        task.AssignTo(city.Id, now);
        db.Tasks.Add(task);

        var water = await db.ResourceTypes.SingleAsync(t => t.Code == "drinking-water");
        var resource = ResourceRecord.Register(city.Id, water.Id, new ResourceDetails(10_000, "City depot", 30.51, 114.31, null, null, ""), now);
        db.Resources.Add(resource);
        var request = ResourceRequest.Raise(incident.Id, water.Id, 2_000, null, new GeoPlace("Old town square", 30.5, 114.3), TaskPriority.High, "",
            participant[Application.Security.Roles.Coordinator].UserId, city.Id, now);
        db.ResourceRequests.Add(request);
        var offer = ResourceOffer.Make(incident.Id, request.Id, city.Id, resource.Id, OfferAnswer.Accept, 1_000, null, "", null, now);
        db.ResourceOffers.Add(offer);
        var commitment = ResourceCommitment.Commit(offer, 500, null, now);
        resource.Reserve(500);
        db.ResourceCommitments.Add(commitment);

        var pending = MembershipRequest.Ask(group.Id, privateCitizen.UserId, "Old town; first-aid trained", now);
        var declined = MembershipRequest.Ask(group.Id, declinedCitizen.UserId, "Far away", now);
        declined.Decline("We only take people from the old town", participant[Application.Security.Roles.Administrator].UserId, now);
        db.MembershipRequests.AddRange(pending, declined);
        // The private citizen needs help in the old town: only they and the incident's coordinators know of it.
        var checkIn = Domain.CheckIns.CheckIn.Post(incident.Id, privateCitizen.UserId, null, Domain.CheckIns.CheckInStatus.NeedsHelp, 30.5, 114.3, "Old town", "Trapped", now);
        db.CheckIns.Add(checkIn);

        WarningContent Warn(WarningScope scope, Guid[] recipients) => new(
            "Aftershock", "Aftershocks expected", "Strong aftershocks are likely.", "Stay out of damaged buildings.", [CapResponseType.Avoid],
            CapUrgency.Expected, CapCertainty.Likely, "", null, null, now.AddDays(1), scope, scope == WarningScope.Restricted ? "Village committee" : "", recipients,
            [new WarningArea("Old town", new GeoCircle(30.5, 114.3, 5), null)]);
        var draftWarning = WarningRecord.Draft(incident.Id, WarningStatus.Actual, Warn(WarningScope.Public, []), participant[Application.Security.Roles.AgencyStaff].UserId, city.Id, now);
        var restrictedWarning = WarningRecord.Draft(incident.Id, WarningStatus.Actual, Warn(WarningScope.Restricted, [village.Id]), participant[Application.Security.Roles.AgencyStaff].UserId, city.Id, now);
        db.Warnings.AddRange(draftWarning, restrictedWarning);
        await db.SaveChangesAsync();
        var published = restrictedWarning.Publish(participant[Application.Security.Roles.Coordinator].UserId, city.Id, now);
        await scope.ServiceProvider.GetRequiredService<WarningIssuer>().IssueAsync(restrictedWarning, published, "", CancellationToken.None);
        await db.SaveChangesAsync();

        return new AuthorizationScene
        {
            City = city.Id,
            Village = village.Id,
            Group = group.Id,
            OtherGroup = otherGroup.Id,
            Participant = participant,
            Outsider = outsider,
            PrivateCitizen = privateCitizen,
            GroupMember = member,
            Auditor = auditor,
            Incident = incident.Id,
            Photo = photo.Id,
            CheckIn = checkIn.Id,
            Objective = objective.Id,
            Task = task.Id,
            Resource = resource.Id,
            Request = request.Id,
            Offer = offer.Id,
            Commitment = commitment.Id,
            PendingMembership = pending.Id,
            DeclinedMembership = declined.Id,
            Warning = draftWarning.Id,
            RestrictedWarning = restrictedWarning.Id,
        };
    }

    /// <summary>The columns of the matrix, in order: who asks.</summary>
    public IReadOnlyList<(string Name, Actor? Actor)> Columns =>
    [
        ("anonymous", null),
        .. Roles.Select(r => ($"participating {r}", (Actor?)Participant[r])),
        .. Roles.Select(r => ($"non-participating {r}", (Actor?)Outsider[r])),
        ("private citizen", PrivateCitizen),
        ("group member", GroupMember),
        ("auditor", Auditor),
    ];
}
