using System.Linq.Expressions;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Memberships;

/// <summary>A person's request to join a citizens' group, as the group's page and the person's dashboard show it.</summary>
public sealed record MembershipRequestDto(
    Guid Id,
    Guid OrganisationId,
    string OrganisationName,
    Guid UserId,
    string PersonName,
    string Note,
    string Skills,
    string Availability,
    MembershipStatus Status,
    DateTimeOffset RequestedAt,
    DateTimeOffset? DecidedAt,
    string Reason,
    uint Version)
{
    public static Expression<Func<MembershipRequest, MembershipRequestDto>> Projection(AppDbContext db) => m => new MembershipRequestDto(
        m.Id,
        m.OrganisationId,
        db.Organisations.Where(o => o.Id == m.OrganisationId).Select(o => o.Name).First(),
        m.UserId,
        db.Users.Where(u => u.Id == m.UserId).Select(u => u.DisplayName).First(),
        m.Note,
        m.Skills,
        m.Availability,
        m.Status,
        m.RequestedAt,
        m.DecidedAt,
        m.Reason,
        m.Version);

    public static async Task<MembershipRequestDto> LoadAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.MembershipRequests.AsNoTracking().Where(m => m.Id == id).Select(Projection(db)).SingleAsync(ct);

    /// <summary>The group's pending request, tracked for a decision; 404 when the group has no such request.</summary>
    public static async Task<MembershipRequest> LoadForDecisionAsync(AppDbContext db, Guid organisationId, Guid? requestId, uint? version, CancellationToken ct)
    {
        var request = await db.MembershipRequests.SingleOrDefaultAsync(m => m.Id == requestId && m.OrganisationId == organisationId, ct)
            ?? throw new NotFoundException("Membership request", requestId ?? Guid.Empty);
        db.ExpectVersion(request, version);
        return request;
    }
}
