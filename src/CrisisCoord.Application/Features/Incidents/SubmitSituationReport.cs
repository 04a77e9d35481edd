using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Incidents;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Incidents;

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
        RuleFor(x => x.Summary).NotEmpty().WithMessage(_ => Texts.Get("Validation.Incidents.GiveSummarySituationOrganisation"))
            .MaximumLength(SituationReport.TextMaxLength).PlainText();
        RuleFor(x => x.Casualties).InclusiveBetween(0, SituationReport.MaxCount).WithMessage(_ => Texts.Get("Validation.Incidents.CasualtiesCountBetween0"));
        RuleFor(x => x.PeopleAffected).InclusiveBetween(0, SituationReport.MaxCount).WithMessage(_ => Texts.Get("Validation.Incidents.PeopleAffectedCountBetween"));
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
