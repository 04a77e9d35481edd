using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Organisations;
using CrisisCoord.Application.Localization;
using CrisisCoord.Web.Infrastructure;
using Mediator;

namespace CrisisCoord.Web.Pages.Incidents;

/// <summary>A coordinator brings an organisation of any kind into the incident, or admits one that asked.</summary>
[FormPage]
public sealed class ParticipantsModel(ISender sender) : IncidentChangePageModel<AdmitParticipantCommand, ParticipantDto>(sender)
{
    public IReadOnlyList<ParticipantDto> Participants { get; private set; } = [];

    public IReadOnlyList<OrganisationSummaryDto> Candidates { get; private set; } = [];

    protected override async Task LoadChoicesAsync(CancellationToken ct)
    {
        Participants = await Sender.Send(new ListParticipantsQuery(Incident.Id), ct);
        var admitted = Participants.Where(p => p.Status == Domain.Incidents.ParticipationStatus.Admitted).Select(p => p.OrganisationId).ToHashSet();
        Candidates = [.. (await Sender.Send(new ListOrganisationsQuery(), ct)).Items.Where(o => !admitted.Contains(o.Id)).OrderBy(o => o.Kind).ThenBy(o => o.Name)];
    }

    protected override AdmitParticipantCommand Blank(IncidentDto incident) => new() { IncidentId = incident.Id };

    protected override AdmitParticipantCommand For(AdmitParticipantCommand input, Guid id) => input with { IncidentId = id };

    protected override string Done(ParticipantDto participant) => Texts.Format("Incidents.Participants.Done", participant.OrganisationName);
}
