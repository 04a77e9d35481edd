using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Localization;
using CrisisCoord.Web.Infrastructure;
using Mediator;

namespace CrisisCoord.Web.Pages.Incidents;

/// <summary>The signed-in person's organisation asks to take part in the incident.</summary>
[FormPage]
public sealed class JoinModel(ISender sender) : IncidentChangePageModel<RequestToJoinCommand, ParticipantDto>(sender)
{
    protected override RequestToJoinCommand Blank(IncidentDto incident) => new() { IncidentId = incident.Id };

    protected override RequestToJoinCommand For(RequestToJoinCommand input, Guid id) => input with { IncidentId = id };

    protected override string Done(ParticipantDto participant) => Texts.Get("Incidents.Join.Done");
}
