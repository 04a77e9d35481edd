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
        var stored = await db.CharterEntries.AsNoTracking()
            .Where(e => e.Right == item.Right && e.Obligation == item.Obligation && e.Kind == kind
                && (e.OrganisationId == organisationId || e.OrganisationId == null))
            // The organisation's own entry (non-null id) sorts before the kind default.
            .OrderBy(e => e.OrganisationId == null)
            .Select(e => (Phases?)e.Phases)
            .FirstOrDefaultAsync(ct);
        return stored ?? item.DefaultFor(kind);
    }
}
