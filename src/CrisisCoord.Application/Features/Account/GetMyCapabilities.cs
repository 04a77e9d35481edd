using CrisisCoord.Application.Security;
using Mediator;

namespace CrisisCoord.Application.Features.Account;

/// <summary>What the signed-in person may do beyond any one incident or organisation: the menu and the list pages' buttons come from it.</summary>
[Performs(Act.ViewOwnWork)]
public sealed record GetMyCapabilitiesQuery : IQuery<MyCapabilities>;

/// <param name="Registry">Acts on the shared directories and settings (log an incident, register an organisation, read the record).</param>
/// <param name="Own">Acts on the person's own work and organisation (register resources, change the password).</param>
public sealed record MyCapabilities(Capabilities Registry, Capabilities Own);

public sealed class GetMyCapabilitiesQueryHandler(AccessPolicy access) : IQueryHandler<GetMyCapabilitiesQuery, MyCapabilities>
{
    public async ValueTask<MyCapabilities> Handle(GetMyCapabilitiesQuery query, CancellationToken cancellationToken) => new(
        await access.CapabilitiesAsync(SubjectKind.Registry, null, cancellationToken),
        await access.CapabilitiesAsync(SubjectKind.Self, null, cancellationToken));
}
