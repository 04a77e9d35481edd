using CrisisCoord.Application.Features.Incidents;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CrisisCoord.Web.Pages.Incidents;

/// <summary>
/// A page that sends one change to an incident (state, grade, lead): it shows the incident and goes back
/// to it when it is done.
/// </summary>
public abstract class IncidentChangePageModel<TCommand>(ISender sender) : IncidentChangePageModel<TCommand, IncidentDto>(sender)
    where TCommand : class, ICommand<IncidentDto>;

/// <summary>The same for a command about an incident that answers with something else (a participant, a task).</summary>
public abstract class IncidentChangePageModel<TCommand, TResult>(ISender sender) : CommandFormPageModel<TCommand, TResult>(sender)
    where TCommand : class, ICommand<TResult>
{
    public IncidentDto Incident { get; private set; } = null!;

    protected sealed override async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Incident = await Sender.Send(new GetIncidentQuery(id), ct);
        FormRefusal.EnsureAllowed<TCommand>(Incident.Capabilities);

        await LoadChoicesAsync(ct);
    }

    /// <summary>What the form offers to choose from, when it offers anything.</summary>
    protected virtual Task LoadChoicesAsync(CancellationToken ct) => Task.CompletedTask;

    protected sealed override TCommand Blank() => Blank(Incident);

    /// <summary>The form as it first appears, carrying the incident's current version.</summary>
    protected abstract TCommand Blank(IncidentDto incident);

    /// <summary>The incident page, unless a page says otherwise.</summary>
    protected override IActionResult After(TResult result, Guid id) => RedirectToPage("/Incidents/Details", new { id });
}
