using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Requests;

/// <summary>What the request commands share.</summary>
public static class RequestCommands
{
    /// <summary>
    /// Loads a resource for a change to its committed quantity, holding its row lock until the transaction
    /// ends: writers to one resource queue here until the one before commits, then read what it left.
    /// </summary>
    public static async Task<Domain.Resources.Resource> LockResourceAsync(this AppDbContext db, Guid id, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM resources WHERE id = {id} FOR UPDATE", ct);
        return await db.Resources.SingleAsync(r => r.Id == id, ct);
    }

    /// <summary>The commitment, tracked for a change, with the version the writer saw.</summary>
    public static async Task<ResourceCommitment> LoadCommitmentForChangeAsync(this AppDbContext db, Guid id, uint? version, CancellationToken ct)
    {
        var commitment = await db.ResourceCommitments.SingleOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException("Resource commitment", id);
        db.ExpectVersion(commitment, version);
        return commitment;
    }

    /// <summary>The request, open, on an open incident.</summary>
    public static async Task<ResourceRequest> LoadOpenRequestAsync(this AppDbContext db, Guid id, CancellationToken ct)
    {
        var request = await db.ResourceRequests.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Resource request", id);
        await db.OpenIncidentStateAsync(request.IncidentId, ct);
        request.EnsureOpen();
        return request;
    }
}
