using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using Mediator;

namespace CrisisCoord.Application.Features.Organisations;

/// <summary>What the registration form offers: each kind's default profile, shown beside the blank fields.</summary>
[Performs(Act.RegisterOrganisation)]
public sealed record GetOrganisationProfileDefaultsQuery : IQuery<IReadOnlyDictionary<OrganisationKind, OrganisationProfile>>;

public sealed class GetOrganisationProfileDefaultsQueryHandler
    : IQueryHandler<GetOrganisationProfileDefaultsQuery, IReadOnlyDictionary<OrganisationKind, OrganisationProfile>>
{
    public ValueTask<IReadOnlyDictionary<OrganisationKind, OrganisationProfile>> Handle(
        GetOrganisationProfileDefaultsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyDictionary<OrganisationKind, OrganisationProfile>>(
            Enum.GetValues<OrganisationKind>().ToDictionary(kind => kind, OrganisationProfile.DefaultFor));
}
