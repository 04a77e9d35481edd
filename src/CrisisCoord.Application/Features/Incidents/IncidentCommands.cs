using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>What the commands that change an incident share: loading it for a conditional write, and the graded-response rules.</summary>
public static class IncidentCommands
{
    /// <summary>The incident, tracked, with the version the writer saw, so a stale write is refused on save.</summary>
    public static async Task<Incident> LoadForChangeAsync(this AppDbContext db, Guid id, uint? version, CancellationToken ct)
    {
        var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("Incident", id);
        db.ExpectVersion(incident, version);

        return incident;
    }

    /// <summary>The state of an incident that must still be open: 404 if there is none, 409 if it is closed or dismissed.</summary>
    public static async Task<IncidentState> OpenIncidentStateAsync(this AppDbContext db, Guid incidentId, CancellationToken ct)
    {
        var state = await db.Incidents.Where(i => i.Id == incidentId).Select(i => (IncidentState?)i.State).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Incident", incidentId);
        state.EnsureOpen();
        return state;
    }

    /// <summary>The phase new work belongs to: the one named, else the incident's current phase. The incident must be open.</summary>
    public static async Task<Phases> WorkingPhaseAsync(this AppDbContext db, Guid incidentId, Phases? named, CancellationToken ct)
    {
        var state = await db.OpenIncidentStateAsync(incidentId, ct);
        return named ?? state.Phase();
    }

    /// <summary>
    /// The lowest level that may lead each grade, from <c>GradedResponse:MinimumLeadLevel:&lt;grade&gt;</c>
    /// (e.g. <c>GradedResponse__MinimumLeadLevel__II=Country</c>), else the defaults.
    /// </summary>
    public static GradedResponse GradedResponse(IConfiguration configuration)
    {
        var section = configuration.GetSection("GradedResponse:MinimumLeadLevel");
        var levels = new Dictionary<Severity, Domain.Organisations.AdministrativeLevel>();
        foreach (var severity in Enum.GetValues<Severity>())
        {
            levels[severity] = Enum.TryParse<Domain.Organisations.AdministrativeLevel>(section[severity.ToString()], out var level)
                ? level
                : Domain.Incidents.GradedResponse.Default.MinimumLeadLevel(severity);
        }

        return new GradedResponse(levels);
    }

    public static string ReasonRequired => Texts.Get("Validation.Incidents.ReasonRequired");
}
