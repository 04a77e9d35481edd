using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Recovery;
using CrisisCoord.Application.Localization;
using CrisisCoord.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CrisisCoord.Web.Pages.Incidents;

/// <summary>The form a coordinator starts a recovery project with: owner, budget, the objective it feeds, milestones.</summary>
[FormPage]
public sealed class StartProjectModel(ISender sender) : IncidentChangePageModel<StartRecoveryProjectCommand, RecoveryProjectDto>(sender)
{
    /// <summary>Spare milestone rows the form offers; empty ones are left out.</summary>
    public const int MilestoneRows = 5;

    public RecoveryProjectsView Choices { get; private set; } = null!;

    protected override async Task LoadChoicesAsync(CancellationToken ct) => Choices = await Sender.Send(new ListRecoveryProjectsQuery(Incident.Id), ct);

    protected override StartRecoveryProjectCommand Blank(IncidentDto incident) => new()
    {
        IncidentId = incident.Id,
        BudgetCurrency = "CNY",
        Milestones = [.. Enumerable.Range(0, MilestoneRows).Select(_ => new MilestoneInput())],
    };

    protected override StartRecoveryProjectCommand For(StartRecoveryProjectCommand input, Guid id) => input with { IncidentId = id };

    protected override string Done(RecoveryProjectDto project) => Texts.Format("Recovery.StartProject.Done", project.OwnerName);

    protected override IActionResult After(RecoveryProjectDto project, Guid id) => Redirect($"/RecoveryProjects/{project.Id}");
}
