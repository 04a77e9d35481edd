using CrisisCoord.Application.Security;
using CrisisCoord.Bench;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Timeline;
using CrisisCoord.IntegrationTests.Features.Audit;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrisisCoord.IntegrationTests.Operations;

/// <summary>
/// The benchmark's data generator (bench/CrisisCoord.Bench, ADR 0027): rows it copies in read back through the
/// portal's own model as they were made, and the histories it records verify as the auditor verifies them.
/// </summary>
public sealed class BenchDataTests(CrisisCoordApp app) : AppTest(app)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 8, 30, 15, 123, TimeSpan.Zero);

    [Fact]
    public async Task Rows_copied_by_the_EF_mapping_read_back_as_they_were_made()
    {
        using var history = new ChangeHistory(App.Database.ConnectionString);
        var bureau = Organisation.Register(
            "Bench test bureau", OrganisationKind.Government, AdministrativeLevel.City, "Qinghe", new OrganisationContact("Desk", "+86 27 1", "desk@bench.test"), null, Start);
        bureau.SetServiceArea(new ServiceArea(30.6, 114.3, 25));
        var incident = Incident.Report("Flooding at Xiba", "Water over the road.", IncidentCategory.NaturalDisaster, Severity.II, "Xiba market", 30.69, 114.1, Start);
        incident.TransitionTo(IncidentState.Response, "Verified on site.", Start.AddMinutes(5));
        incident.AssignLead(bureau.Id, bureau.Name, bureau.Kind, bureau.Level, GradedResponse.Default);
        var task = IncidentTask.Create(incident.Id, "Pump out the car park", "", Phases.Response, null, TaskPriority.Urgent, Start.AddHours(4), ["water-pump", "truck"], null, Start);

        await using (var connection = new NpgsqlConnection(App.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await new BulkCopy<Organisation>(history.Model).WriteAsync(connection, [bureau], CancellationToken.None);
            await new BulkCopy<Incident>(history.Model).WriteAsync(connection, [incident], CancellationToken.None);
            await new BulkCopy<IncidentTask>(history.Model).WriteAsync(connection, [task], CancellationToken.None);
        }

        await using var db = App.Database.CreateContext();
        var storedBureau = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == bureau.Id);
        (storedBureau.Name, storedBureau.Kind, storedBureau.Level, storedBureau.ContactEmail).ShouldBe((bureau.Name, bureau.Kind, bureau.Level, "desk@bench.test"));
        storedBureau.Profile.ShouldBe(OrganisationProfile.DefaultFor(OrganisationKind.Government));
        storedBureau.ServiceArea.ShouldBe(new ServiceArea(30.6, 114.3, 25));
        var storedIncident = await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == incident.Id);
        (storedIncident.State, storedIncident.Severity, storedIncident.Category, storedIncident.LeadOrganisationId)
            .ShouldBe((IncidentState.Response, Severity.II, IncidentCategory.NaturalDisaster, bureau.Id));
        (storedIncident.ReportedAt, storedIncident.StateChangedAt, storedIncident.StateReason).ShouldBe((incident.ReportedAt, incident.StateChangedAt, "Verified on site."));
        var storedTask = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id);
        (storedTask.Phase, storedTask.Priority, storedTask.State, storedTask.DueAt).ShouldBe((Phases.Response, TaskPriority.Urgent, TaskState.Open, Start.AddHours(4)));
        storedTask.RequiredResourceTypes.ShouldBe(new List<string> { "water-pump", "truck" });
    }

    [Fact]
    public async Task A_generated_history_passes_the_auditors_verification_and_records_each_change()
    {
        using var history = new ChangeHistory(App.Database.ConnectionString);
        var incident = Incident.Report("Landslide near Liuzhuang", "Road blocked.", IncidentCategory.NaturalDisaster, Severity.III, "Liuzhuang school", 30.73, 114.05, Start);
        var chain = new Chain(incident.Id, null);
        var reported = history.Step(chain, "LogIncident", typeof(Incident), null, null, Start, db => db.Incidents.Add(incident));
        var verified = history.Step(chain, "TransitionIncident", typeof(Incident), null, null, Start.AddMinutes(10), db =>
        {
            db.Incidents.Attach(incident);
            incident.TransitionTo(IncidentState.Warning, "Confirmed by a patrol.", Start.AddMinutes(10));
        });

        await using (var connection = new NpgsqlConnection(App.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await new BulkCopy<Incident>(history.Model).WriteAsync(connection, [incident], CancellationToken.None);
            await new BulkCopy<TimelineEvent>(history.Model).WriteAsync(connection, [reported, verified], CancellationToken.None);
        }

        var result = await TimelineData.VerifyAsync(await App.ClientAsAsync(Roles.Auditor), incident.Id.ToString());
        result["ok"]!.GetValue<bool>().ShouldBeTrue(result.ToJsonString());
        result["eventsChecked"]!.GetValue<long>().ShouldBe(2);
        (reported.Sequence, verified.Sequence, verified.PreviousHash).ShouldBe((1, 2, reported.Hash));
        reported.Payload.ShouldContain("\"change\":\"added\"");
        verified.Payload.ShouldContain("\"state\":{\"from\":\"Reported\",\"to\":\"Warning\"}");
    }
}
