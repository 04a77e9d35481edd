using CrisisCoord.Application.Features.CheckIns;
using CrisisCoord.Application.Features.People;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.CheckIns;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Timeline;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Web.Infrastructure;

/// <summary>The demo's citizens as participants: a volunteer admitted to the rescue team, and check-ins on the earthquake.</summary>
public sealed partial class DemoDataSeeder
{
    /// <summary>A member of the public who offered the rescue team her skills and was admitted; she now acts for it.</summary>
    private static readonly (string Label, string Email, string Name, string Skills, string Availability) DemoVolunteer =
        ("Volunteer", "lin.yue@qinghe.demo", "Lin Yue", "Nurse (certified); rope rescue course; drives a pickup", "Weekends and weekday nights; on call during the earthquake response");

    /// <summary>
    /// Lin Yue registers herself and offers the Blue Sky rescue team her skills and time; the administrator, acting for
    /// the team (which has no coordinator in the demo), admits her.
    /// </summary>
    private async Task SeedVolunteerAsync(Organisation rescueTeam, By admin, DateTimeOffset now, CancellationToken ct)
    {
        // Just after the registry chain's last event (the private citizen's request, two hours ago), as its order needs.
        var head = await TimelineRecorder.HeadAsync(db, TimelineChains.Registry, ct);
        var registered = (head?.OccurredAt ?? now.AddHours(-2)).AddMinutes(5);
        timeline.Begin();
        var person = await Accounts.CreateAsync(users, DemoVolunteer.Name, DemoVolunteer.Email, DemoPassword, null, [Roles.Citizen]);
        await timeline.RecordAsync("RegisterCitizen", typeof(AppUser), person.Id, null, registered, ct);
        MembershipRequest? offer = null;
        var offered = registered.AddSeconds(40);
        await StepAsync("VolunteerForGroup", typeof(MembershipRequest), new By(person.Id, null), offered, ct, () =>
        {
            offer = MembershipRequest.Ask(rescueTeam.Id, person.Id, "Xiba Town, near the middle school.", offered, DemoVolunteer.Skills, DemoVolunteer.Availability);
            db.MembershipRequests.Add(offer);
            return Task.CompletedTask;
        });
        var admitted = registered.AddMinutes(10);
        await StepAsync("AdmitMember", typeof(MembershipRequest), admin, admitted, ct, async () =>
        {
            offer!.Admit(admin.User!.Value, admitted);
            (await db.Users.SingleAsync(u => u.Id == person.Id, ct)).OrganisationId = rescueTeam.Id;
        });
    }

    /// <summary>
    /// Check-ins on the earthquake: the private citizen needs help for his grandmother and the coordinator made a task
    /// of it; a resident sheltering at the bus station needs help, not yet handled; the volunteer is safe.
    /// </summary>
    private async Task SeedCheckInsAsync(By coordinator, DateTimeOffset now, CancellationToken ct)
    {
        var earthquake = db.Incidents.Local.Single(i => i.Title == "M6.1 earthquake near Xiba Town");
        var person = async (string email) => await db.Users.Where(u => u.Email == email).Select(u => new By(u.Id, u.OrganisationId)).SingleAsync(ct);
        var resident = await person(PrivateCitizen.Email);
        var sheltering = await person("citizen@qinghe.demo");
        var volunteer = await person(DemoVolunteer.Email);

        // The earthquake's chain already runs to a quarter of an hour ago (the merge and the link): these come after it, in order.
        var grandmother = await PostCheckInAsync(earthquake.Id, resident, CheckInStatus.NeedsHelp, 30.6911, 114.1049, "Old Street No. 22, Xiba",
            "My grandmother cannot walk and our stairs collapsed. We are on the first floor.", now.AddMinutes(-14), ct);
        var handed = now.AddMinutes(-12);
        await StepAsync("TurnCheckInIntoTask", typeof(CheckIn), coordinator, handed, ct, () =>
        {
            var task = IncidentTask.Create(
                earthquake.Id, TurnCheckInIntoTaskCommandHandler.TitleFor(grandmother), TurnCheckInIntoTaskCommandHandler.DescriptionFor(grandmother),
                Phases.Response, null, TaskPriority.Urgent, null, [], coordinator.User, handed);
            db.Tasks.Add(task);
            grandmother.HandOver(task.Id);
            return Task.CompletedTask;
        });
        await PostCheckInAsync(earthquake.Id, sheltering, CheckInStatus.NeedsHelp, 30.6862, 114.0990, "Xiba bus station",
            "Five of us sheltering in the station; one has a broken arm.", now.AddMinutes(-10), ct);
        await PostCheckInAsync(earthquake.Id, volunteer, CheckInStatus.Safe, 30.6901, 114.1030, "Xiba Middle School playground", "", now.AddMinutes(-4), ct);
    }

    private async Task<CheckIn> PostCheckInAsync(Guid incident, By by, CheckInStatus status, double latitude, double longitude, string place, string note, DateTimeOffset at, CancellationToken ct)
    {
        var checkIn = CheckIn.Post(incident, by.User!.Value, by.Organisation, status, latitude, longitude, place, note, at);
        await StepAsync("PostCheckIn", typeof(CheckIn), by, at, ct, () =>
        {
            db.CheckIns.Add(checkIn);
            return Task.CompletedTask;
        });
        return checkIn;
    }
}
