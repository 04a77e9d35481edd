using System.Linq.Expressions;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Incidents;
using FluentValidation;
using Mediator;
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

/// <summary>An incident's situation reports (newest first; the page picks each organisation's latest) and its shared log.</summary>
[Performs(Act.ViewIncidentDetail)]
public sealed record ListSituationReportsQuery(Guid IncidentId) : IQuery<IncidentReporting>, IIncidentMessage;

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

public sealed class ListSituationReportsQueryHandler(AppDbContext db) : IQueryHandler<ListSituationReportsQuery, IncidentReporting>
{
    public async ValueTask<IncidentReporting> Handle(ListSituationReportsQuery query, CancellationToken cancellationToken) =>
        await IncidentReporting.LoadAsync(db, query.IncidentId, cancellationToken);
}

/// <summary>An organisation taking part reports what it sees, did and needs.</summary>
[RecordedAs(typeof(SituationReport))]
[Performs(Act.SubmitSituationReport)]
public sealed record SubmitSituationReportCommand : ICommand<SituationReportDto>, IIncidentMessage
{
    public Guid IncidentId { get; init; }

    public string? Summary { get; init; }

    public int? Casualties { get; init; }

    public int? PeopleAffected { get; init; }

    public string? Needs { get; init; }

    public string? ActionsTaken { get; init; }

    public string? NextSteps { get; init; }
}

public sealed class SubmitSituationReportCommandValidator : AbstractValidator<SubmitSituationReportCommand>
{
    public SubmitSituationReportCommandValidator()
    {
        RuleFor(x => x.Summary).NotEmpty().WithMessage("Give a summary of the situation as your organisation sees it.")
            .MaximumLength(SituationReport.TextMaxLength).PlainText();
        RuleFor(x => x.Casualties).InclusiveBetween(0, SituationReport.MaxCount).WithMessage("Casualties must be a count between 0 and 10,000,000.");
        RuleFor(x => x.PeopleAffected).InclusiveBetween(0, SituationReport.MaxCount).WithMessage("People affected must be a count between 0 and 10,000,000.");
        RuleFor(x => x.Needs).MaximumLength(SituationReport.TextMaxLength).PlainText();
        RuleFor(x => x.ActionsTaken).MaximumLength(SituationReport.TextMaxLength).PlainText();
        RuleFor(x => x.NextSteps).MaximumLength(SituationReport.TextMaxLength).PlainText();
    }
}

public sealed class SubmitSituationReportCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SubmitSituationReportCommand, SituationReportDto>
{
    public async ValueTask<SituationReportDto> Handle(SubmitSituationReportCommand command, CancellationToken cancellationToken)
    {
        var organisation = user.OrganisationId ?? throw new NotAuthenticatedException();
        var report = SituationReport.Submit(
            command.IncidentId, organisation, user.UserId, command.Summary!, command.Casualties, command.PeopleAffected,
            command.Needs ?? "", command.ActionsTaken ?? "", command.NextSteps ?? "", clock.GetUtcNow());
        db.SituationReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return await db.SituationReports.AsNoTracking().Where(r => r.Id == report.Id).Select(SituationReportDto.Projection(db)).SingleAsync(cancellationToken);
    }
}

/// <summary>A short update to everyone taking part: the incident's shared log.</summary>
[RecordedAs(typeof(LogEntry))]
[Performs(Act.PostLogEntry)]
public sealed record PostLogEntryCommand : ICommand<LogEntryDto>, IIncidentMessage
{
    public Guid IncidentId { get; init; }

    public string? Text { get; init; }
}

public sealed class PostLogEntryCommandValidator : AbstractValidator<PostLogEntryCommand>
{
    public PostLogEntryCommandValidator() =>
        RuleFor(x => x.Text).NotEmpty().WithMessage("Write the update.").MaximumLength(LogEntry.TextMaxLength).PlainText();
}

public sealed class PostLogEntryCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<PostLogEntryCommand, LogEntryDto>
{
    public async ValueTask<LogEntryDto> Handle(PostLogEntryCommand command, CancellationToken cancellationToken)
    {
        var organisation = user.OrganisationId ?? throw new NotAuthenticatedException();
        var entry = LogEntry.Post(command.IncidentId, organisation, user.UserId, command.Text!, clock.GetUtcNow());
        db.LogEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return await db.LogEntries.AsNoTracking().Where(l => l.Id == entry.Id).Select(LogEntryDto.Projection(db)).SingleAsync(cancellationToken);
    }
}
