using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Data;

/// <summary>
/// Rows every deployment needs before anyone signs in: the roles and the standard resource catalogue.
/// Ensured at every start-up (idempotent: only what is missing is added), never demo data.
/// </summary>
public static class ReferenceData
{
    public static async Task EnsureAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var roles = await db.Roles.Select(r => r.Name).ToListAsync(ct);
        foreach (var role in Roles.All.Except(roles!))
        {
            db.Roles.Add(new IdentityRole<Guid>(role!)
            {
                Id = Guid.CreateVersion7(),
                NormalizedName = role!.ToUpperInvariant(),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
            });
        }

        var codes = await db.ResourceTypes.Select(t => t.Code).ToListAsync(ct);
        foreach (var (code, name, unit) in ResourceType.Standard.Where(t => !codes.Contains(t.Code)))
        {
            db.ResourceTypes.Add(ResourceType.Define(code, name, unit, clock.GetUtcNow()));
        }

        await db.SaveChangesAsync(ct);
    }
}
