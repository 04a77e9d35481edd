using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Notifications;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Incidents;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>A coordinator brings an organisation of any kind into an incident, or admits one that asked to join.</summary>
[RecordedAs(typeof(IncidentParticipant))]
[Performs(Act.AdmitParticipant)]
public sealed record AdmitParticipantCommand : ICommand<ParticipantDto>, IIncidentMessage
{
    public Guid IncidentId { get; init; }

    public Guid? OrganisationId { get; init; }

    public string? Note { get; init; }
}

public sealed class AdmitParticipantCommandValidator : AbstractValidator<AdmitParticipantCommand>
{
    public AdmitParticipantCommandValidator(AppDbContext db)
    {
        RuleFor(x => x.OrganisationId).ExistingOrganisation(db, "Validation.Incidents.ChooseOrganisationToBringIn");
        RuleFor(x => x.Note).MaximumLength(IncidentParticipant.NoteMaxLength).PlainText();
    }
}

public sealed class AdmitParticipantCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, Notifier notifier)
    : ICommandHandler<AdmitParticipantCommand, ParticipantDto>
{
    public async ValueTask<ParticipantDto> Handle(AdmitParticipantCommand command, CancellationToken cancellationToken)
    {
        await db.OpenIncidentStateAsync(command.IncidentId, cancellationToken);

        var participant = await db.AdmitAsync(command.IncidentId, command.OrganisationId!.Value, command.Note ?? "", user.UserId, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var title = await db.Incidents.AsNoTracking().Where(i => i.Id == command.IncidentId).Select(i => i.Title).SingleAsync(cancellationToken);
        await notifier.AdmittedToIncidentAsync(command.IncidentId, participant.OrganisationId, title, cancellationToken);
        return await ParticipantDto.LoadAsync(db, participant.Id, cancellationToken);
    }
}

public static class Participation
{
    /// <summary>Admits the organisation: approves its request if it asked, else adds it. Refused if it already takes part.</summary>
    public static async Task<IncidentParticipant> AdmitAsync(
        this AppDbContext db, Guid incidentId, Guid organisationId, string note, Guid? by, DateTimeOffset now, CancellationToken ct)
    {
        var existing = await db.IncidentParticipants.SingleOrDefaultAsync(p => p.IncidentId == incidentId && p.OrganisationId == organisationId, ct);
        if (existing is null)
        {
            existing = IncidentParticipant.Admit(incidentId, organisationId, note, by, now);
            db.IncidentParticipants.Add(existing);
        }
        else
        {
            existing.Approve(by, now);
        }

        return existing;
    }

    public static IRuleBuilderOptions<T, Guid?> ExistingOrganisation<T>(this IRuleBuilder<T, Guid?> rule, AppDbContext db, string missingKey) =>
        rule.NotEmpty().WithMessage(_ => Texts.Get(missingKey))
            .MustAsync((id, ct) => db.Organisations.AnyAsync(o => o.Id == id, ct))
            .WithMessage(_ => Texts.Get("Validation.Incidents.ThereOrganisationId"));
}
