using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using Mediator;

namespace CrisisCoord.Application.Features.Organisations;

/// <summary>What the registration form offers: each kind's default profile, shown beside the blank fields.</summary>
[Performs(Act.RegisterOrganisation)]
public sealed record GetOrganisationProfileDefaultsQuery : IQuery<IReadOnlyList<ProfileDefault>>;

/// <summary>One kind's default profile. A list of records, not a dictionary, so the reader's text versions reach it (ADR 0038).</summary>
public sealed record ProfileDefault(OrganisationKind Kind, OrganisationProfile Profile);

public sealed class GetOrganisationProfileDefaultsQueryHandler
    : IQueryHandler<GetOrganisationProfileDefaultsQuery, IReadOnlyList<ProfileDefault>>
{
    public ValueTask<IReadOnlyList<ProfileDefault>> Handle(GetOrganisationProfileDefaultsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<ProfileDefault>>([.. Enum.GetValues<OrganisationKind>().Select(kind => new ProfileDefault(kind, OrganisationProfile.DefaultFor(kind)))]);
}
