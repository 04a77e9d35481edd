using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisCoord.IntegrationTests.Features.Security;

/// <summary>
/// The timeline filters by the detail rule written as a query, and lists, counts and the map by the ViewIncident rule
/// written as a query; pages decide them row by row in memory. Each pair must agree for every reader and every kind of
/// incident, or someone would read a timeline, or count an incident on the map, they may not see.
/// </summary>
public sealed class DetailVisibilityQueryTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task The_query_and_the_rule_show_the_same_incidents_to_everyone()
    {
        var scene = await AuthorizationScene.CreateAsync(App);
        await using (var db = App.Database.CreateContext())
        {
            // Incidents of every grade, led or not, reported by a private citizen or by the village.
            var now = DateTimeOffset.UtcNow;
            foreach (var severity in Enum.GetValues<Severity>())
            {
                db.Incidents.Add(Incident.Report($"Grade {severity}, unled", "", IncidentCategory.AccidentDisaster, severity, "Somewhere", 30, 114, now,
                    new Reporter(scene.PrivateCitizen.UserId, null)));
                var led = Incident.Report($"Grade {severity}, village report", "", IncidentCategory.PublicHealth, severity, "Elsewhere", 30, 114, now,
                    new Reporter(scene.Outsider[Roles.AgencyStaff].UserId, scene.Village));
                led.TransitionTo(IncidentState.Warning, "Verified", now);
                db.Incidents.Add(led);
            }

            await db.SaveChangesAsync();
        }

        var checkedReaders = 0;
        var shownCounts = new HashSet<int>();
        foreach (var (name, actor) in scene.Columns.Where(c => c.Actor is not null))
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var rules = scope.ServiceProvider.GetRequiredService<AccessRules>();
            var subjects = scope.ServiceProvider.GetRequiredService<Subjects>();
            var reader = await subjects.ReaderAsync(new SignedIn(actor!), CancellationToken.None);
            var all = await db.Incidents.Select(i => i.Id).ToListAsync();

            var byQuery = await rules.IncidentsWithDetailShown(db.Incidents, db.IncidentParticipants, db.IncidentReports, reader).ToListAsync();
            var byRule = (await subjects.IncidentsAsync(all, CancellationToken.None)).Values.Where(f => rules.SeesDetail(reader, f)).Select(f => f.Id);

            byQuery.ShouldBe(byRule, ignoreOrder: true, $"{name} is shown different incidents by the query and by the rule");

            // Lists, counts and the map find rows with the ViewIncident rule as a query; it must agree with the rule too.
            var listedByQuery = await rules.IncidentsShown(db.Incidents, db.IncidentParticipants, db.IncidentReports, reader).Select(i => i.Id).ToListAsync();
            var listedByRule = (await subjects.IncidentsAsync(all, CancellationToken.None)).Values
                .Where(f => rules.Decide(Act.ViewIncident, new Subject(SubjectKind.Incident, f.Id) { Incident = f }, reader).Allowed)
                .Select(f => f.Id);
            listedByQuery.ShouldBe(listedByRule, ignoreOrder: true, $"{name} is listed different incidents by the query and by the rule");
            shownCounts.Add(byQuery.Count);
            checkedReaders++;
        }

        checkedReaders.ShouldBe(15);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await scope.ServiceProvider.GetRequiredService<AccessRules>().IncidentsShown(db.Incidents, db.IncidentParticipants, db.IncidentReports, Reader.Anonymous).CountAsync())
                .ShouldBe(0, "nobody signed out finds an incident in a list");
        }

        shownCounts.Count.ShouldBeGreaterThan(2, "the readers see different sets, so the comparison means something");
    }

    private sealed class SignedIn(Actor actor) : ICurrentUser
    {
        public bool IsAuthenticated => true;

        public Guid? UserId => actor.UserId;

        public Guid? OrganisationId => actor.OrganisationId == Guid.Empty ? null : actor.OrganisationId;

        public Guid? SessionId => null;

        public string? ClientAddress => null;

        public bool IsInRole(string role) => role == actor.Role;
    }
}
