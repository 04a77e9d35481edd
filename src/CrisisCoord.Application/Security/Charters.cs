using CrisisCoord.Application.Data;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Security;

/// <summary>
/// The effective charter: an organisation's own override, else the administrators' default for its
/// kind, else the code's <see cref="DefaultCharter"/>.
/// </summary>
public static class Charters
{
    public static async Task<Phases> EffectivePhasesAsync(
        this AppDbContext db, Guid organisationId, OrganisationKind kind, CharterItem item, CancellationToken ct)
    {
        // At most two rows: the organisation's override and the kind default.
        var entries = await db.CharterEntries.AsNoTracking()
            .Where(e => e.Right == item.Right && e.Obligation == item.Obligation && e.Kind == kind
                && (e.OrganisationId == organisationId || e.OrganisationId == null))
            .ToListAsync(ct);
        return item.EffectivePhases(kind, entries);
    }
}
