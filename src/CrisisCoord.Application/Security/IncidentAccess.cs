using CrisisCoord.Application.Data;
using CrisisCoord.Domain.Incidents;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Security;

/// <summary>
/// Who sees an incident's non-public detail (its description, its timeline): coordinators, auditors and
/// administrators see every incident's; anyone else, those of incidents their organisation reported or
/// takes part in. Everyone signed in sees the public summary (title, grade, state, place), so they can
/// ask to join. The incident list and page, and the timeline, all ask here.
/// </summary>
public static class IncidentAccess
{
    public static bool SeesEveryIncident(ICurrentUser user) =>
        user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Auditor) || user.IsInRole(Roles.Administrator);

    /// <summary>The incidents whose detail this organisation may see.</summary>
    public static IQueryable<Guid> OwnIncidentIds(AppDbContext db, Guid organisationId) =>
        db.IncidentParticipants.Where(p => p.OrganisationId == organisationId && p.Status == ParticipationStatus.Admitted).Select(p => p.IncidentId)
            .Union(db.Incidents.Where(i => i.ReportedByOrganisationId == organisationId).Select(i => i.Id));

    /// <summary>Which of these incidents' detail the person may see.</summary>
    public static async Task<HashSet<Guid>> DetailShownAsync(AppDbContext db, ICurrentUser user, IReadOnlyCollection<Guid> incidents, CancellationToken ct)
    {
        if (SeesEveryIncident(user))
        {
            return [.. incidents];
        }

        if (user.OrganisationId is not { } organisation)
        {
            return [];
        }

        return [.. await OwnIncidentIds(db, organisation).Where(id => incidents.Contains(id)).ToListAsync(ct)];
    }
}
