using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Incidents;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>Names the lead: a government organisation at or above the level the grade needs. Clears an escalation.</summary>
[RecordedAs(typeof(Incident))]
[Performs(Act.SetLead)]
public sealed record SetIncidentLeadCommand : ICommand<IncidentDto>, IIncidentMessage
{
    public Guid IncidentId { get; init; }

    public Guid? OrganisationId { get; init; }

    public uint? Version { get; init; }
}

public sealed class SetIncidentLeadCommandValidator : AbstractValidator<SetIncidentLeadCommand>
{
    public SetIncidentLeadCommandValidator(AppDbContext db) =>
        RuleFor(x => x.OrganisationId).ExistingOrganisation(db, "Validation.Incidents.ChooseOrganisationToLead");
}

public sealed class SetIncidentLeadCommandHandler(AppDbContext db, GradedResponse rules, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SetIncidentLeadCommand, IncidentDto>
{
    /// <summary>Why the lead takes part, as the portal notes it when it admits the lead.</summary>
    public const string LeadNote = "Leads the response";

    public async ValueTask<IncidentDto> Handle(SetIncidentLeadCommand command, CancellationToken cancellationToken)
    {
        var incident = await db.LoadForChangeAsync(command.IncidentId, command.Version, cancellationToken);
        var lead = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == command.OrganisationId, cancellationToken);
        if ((await db.EffectivePhasesAsync(lead.Id, lead.Kind, CharterItem.Of(Right.LeadIncident), cancellationToken) & incident.State.Phase()) == Phases.None)
        {
            throw new DomainRuleException(new("Rule.Lead.CharterLacks", "{0}'s charter does not grant LeadIncident in this incident's current phase; choose an organisation that may lead.", lead.Name));
        }

        incident.AssignLead(lead.Id, lead.Name, lead.Kind, lead.Level, rules);
        if (!await db.IncidentParticipants.AnyAsync(p => p.IncidentId == incident.Id && p.OrganisationId == lead.Id && p.Status == ParticipationStatus.Admitted, cancellationToken))
        {
            // The lead takes part, of course.
            await db.AdmitAsync(incident.Id, lead.Id, LeadNote, user.UserId, clock.GetUtcNow(), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return IncidentDto.From(incident);
    }
}
