using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Charters;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Obligations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Organisations;

/// <summary>
/// One organisation's page: its record, its effective charter and, for administrators only, its people
/// (names and e-mail addresses are personal data; others see <see cref="OrganisationDetailDto.PeopleShown"/> false).
/// </summary>
public sealed record GetOrganisationQuery(Guid Id) : IQuery<OrganisationDetailDto>;

public sealed record OrganisationDetailDto(
    OrganisationDto Organisation,
    IReadOnlyList<CharterLineDto> Charter,
    bool PeopleShown,
    IReadOnlyList<MemberDto> People);

public sealed record MemberDto(Guid Id, string DisplayName, string Email, IReadOnlyList<string> Roles);

public sealed class GetOrganisationQueryHandler(AppDbContext db, ICurrentUser user, ObligationRules rules) : IQueryHandler<GetOrganisationQuery, OrganisationDetailDto>
{
    public async ValueTask<OrganisationDetailDto> Handle(GetOrganisationQuery query, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == query.Id)
            .Select(OrganisationDto.Projection)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Organisation", query.Id);
        var charter = await CharterLines.ForAsync(db, organisation.Kind, organisation.Id, rules, cancellationToken);

        var peopleShown = user.IsInRole(Roles.Administrator);
        IReadOnlyList<MemberDto> people = [];
        if (peopleShown)
        {
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
                        .ToList()))
                .ToListAsync(cancellationToken);
        }

        return new OrganisationDetailDto(organisation, charter, peopleShown, people);
    }
}
