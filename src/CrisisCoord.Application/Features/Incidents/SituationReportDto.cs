using System.Linq.Expressions;
using CrisisCoord.Application.Data;
using CrisisCoord.Domain.Incidents;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Incidents;

public sealed record SituationReportDto(
    Guid Id,
    Guid OrganisationId,
    string OrganisationName,
    string SubmittedBy,
    DateTimeOffset SubmittedAt,
    string Summary,
    int? Casualties,
    int? PeopleAffected,
    string Needs,
    string ActionsTaken,
    string NextSteps)
{
    public static Expression<Func<SituationReport, SituationReportDto>> Projection(AppDbContext db) => r => new SituationReportDto(
        r.Id,
        r.OrganisationId,
        db.Organisations.Where(o => o.Id == r.OrganisationId).Select(o => o.Name).First(),
        db.Users.Where(u => u.Id == r.SubmittedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
        r.SubmittedAt,
        r.Summary,
        r.Casualties,
        r.PeopleAffected,
        r.Needs,
        r.ActionsTaken,
        r.NextSteps);
}

public sealed record LogEntryDto(Guid Id, string OrganisationName, string PostedBy, DateTimeOffset PostedAt, string Text)
{
    public static Expression<Func<LogEntry, LogEntryDto>> Projection(AppDbContext db) => l => new LogEntryDto(
        l.Id,
        db.Organisations.Where(o => o.Id == l.OrganisationId).Select(o => o.Name).First(),
        db.Users.Where(u => u.Id == l.PostedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
        l.PostedAt,
        l.Text);
}

public sealed record IncidentReporting(IReadOnlyList<SituationReportDto> Reports, IReadOnlyList<LogEntryDto> Log)
{
    public IEnumerable<SituationReportDto> LatestPerOrganisation => Reports.GroupBy(r => r.OrganisationId).Select(g => g.First());

    public static async Task<IncidentReporting> LoadAsync(AppDbContext db, Guid incidentId, CancellationToken ct)
    {
        var reports = await db.SituationReports.AsNoTracking()
            .Where(r => r.IncidentId == incidentId)
            .OrderByDescending(r => r.SubmittedAt)
            .Take(200)
            .Select(SituationReportDto.Projection(db))
            .ToListAsync(ct);
        var log = await db.LogEntries.AsNoTracking()
            .Where(l => l.IncidentId == incidentId)
            .OrderByDescending(l => l.PostedAt)
            .Take(100)
            .Select(LogEntryDto.Projection(db))
            .ToListAsync(ct);
        return new IncidentReporting(reports, log);
    }
}
