using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
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
        if (version is { } seen)
        {
            db.Entry(incident).Property(i => i.Version).OriginalValue = seen;
        }

        return incident;
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

    public const string ReasonRequired = "Give a reason: it goes on the record with the change.";
}
