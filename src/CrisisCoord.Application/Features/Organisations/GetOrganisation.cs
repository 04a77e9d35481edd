using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Charters;
using CrisisCoord.Application.Features.Memberships;
using CrisisCoord.Application.Features.Obligations;
using CrisisCoord.Application.Features.Resources;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Obligations;
using CrisisCoord.Domain.Organisations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Organisations;

/// <summary>
/// One organisation's page in one read: its record, its effective charter, its resources, what it owes (for
/// those who may see it), its people (names and e-mail addresses are personal data: administrators only) and
/// what the reader may do to it.
/// </summary>
[Performs(Act.ViewOrganisation)]
public sealed record GetOrganisationQuery(Guid Id) : IQuery<OrganisationDetailDto>, IOrganisationMessage
{
    Guid IOrganisationMessage.OrganisationId => Id;
}

/// <param name="Organisation">The record.</param>
/// <param name="Charter">Its effective charter, line by line.</param>
/// <param name="People">Its people, where the reader may see them (<see cref="Act.ViewPeople"/>); else empty.</param>
/// <param name="Resources">What it holds.</param>
/// <param name="Obligations">What it owes now, where the reader may see it (<see cref="Act.ViewObligations"/>); else null.</param>
/// <param name="MembershipRequests">Pending requests to join, where the reader decides them (<see cref="Act.DecideMembership"/>); else empty.</param>
/// <param name="Capabilities">What the reader may do to the organisation's record.</param>
public sealed record OrganisationDetailDto(
    OrganisationDto Organisation,
    IReadOnlyList<CharterLineDto> Charter,
    IReadOnlyList<MemberDto> People,
    IReadOnlyList<ResourceDto> Resources,
    ObligationList? Obligations,
    IReadOnlyList<MembershipRequestDto> MembershipRequests,
    Capabilities Capabilities);

/// <summary>A member as the organisation's page lists them; <c>Disabled</c> when an administrator has disabled the account.</summary>
public sealed record MemberDto(Guid Id, string DisplayName, string Email, IReadOnlyList<string> Roles, bool Disabled);

public sealed class GetOrganisationQueryHandler(AppDbContext db, AccessPolicy access, ObligationRules rules, TimeProvider clock) : IQueryHandler<GetOrganisationQuery, OrganisationDetailDto>
{
    public async ValueTask<OrganisationDetailDto> Handle(GetOrganisationQuery query, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == query.Id)
            .Select(OrganisationDto.Projection)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Organisation", query.Id);
        var charter = await CharterLines.ForAsync(db, organisation.Kind, organisation.Id, rules, cancellationToken);

        var capabilities = await access.CapabilitiesAsync(SubjectKind.Organisation, query.Id, cancellationToken);
        IReadOnlyList<MemberDto> people = [];
        if (capabilities.Can(Act.ViewPeople))
        {
            var now = clock.GetUtcNow();
            people = await db.Users.AsNoTracking()
                .Where(u => u.OrganisationId == query.Id)
                .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
                .Select(u => new MemberDto(
                    u.Id,
                    u.DisplayName,
                    u.Email ?? "",
                    db.UserRoles.Where(ur => ur.UserId == u.Id)
                        .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name ?? "")
                        .OrderBy(name => name)
                        .ToList(),
                    u.LockoutEnd != null && u.LockoutEnd > now))
                .ToListAsync(cancellationToken);
        }

        var resources = await db.Rows().AsNoTracking()
            .Where(x => x.Resource.OrganisationId == query.Id)
            .OrderBy(x => x.TypeName).ThenBy(x => x.Resource.PlaceName).ThenBy(x => x.Resource.Id)
            .ToListAsync(cancellationToken);
        var obligations = capabilities.Can(Act.ViewObligations)
            ? await (await ObligationLists.ListAsync(db, rules, clock.GetUtcNow(), new ObligationScope(OrganisationId: query.Id), cancellationToken))
                .ShownToReaderAsync(access, cancellationToken)
            : null;
        IReadOnlyList<MembershipRequestDto> requests = capabilities.Can(Act.DecideMembership)
            ? await db.MembershipRequests.AsNoTracking()
                .Where(m => m.OrganisationId == query.Id && m.Status == MembershipStatus.Pending)
                .OrderBy(m => m.RequestedAt)
                .Select(MembershipRequestDto.Projection(db))
                .ToListAsync(cancellationToken)
            : [];
        return new OrganisationDetailDto(organisation, charter, people, [.. resources.Select(x => x.ToDto())], obligations, requests, capabilities);
    }
}
