using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Tasks;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CrisisCoord.Web.Pages.Incidents;

[FormPage]
public sealed class NewTaskModel(ISender sender) : IncidentChangePageModel<CreateTaskCommand, TaskDto>(sender)
{
    public IReadOnlyList<ParticipantDto> Participants { get; private set; } = [];

    protected override async Task LoadChoicesAsync(CancellationToken ct) =>
        Participants = [.. (await Sender.Send(new ListParticipantsQuery(Incident.Id), ct)).Where(p => p.Status == ParticipationStatus.Admitted)];

    protected override CreateTaskCommand Blank(IncidentDto incident) => new() { IncidentId = incident.Id, Priority = TaskPriority.Normal };

    protected override CreateTaskCommand For(CreateTaskCommand input, Guid id) => input with { IncidentId = id };

    protected override string Done(TaskDto task) => task.AssignedOrganisationName is { } org
        ? Texts.Format("Incidents.NewTask.DoneGiven", task.Title, org)
        : Texts.Format("Incidents.NewTask.DoneOpen", task.Title);

    protected override IActionResult After(TaskDto task, Guid id) => RedirectToPage("/Incidents/Tasks", new { id });
}
