using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;

namespace CrisisCoord.Application.Features.Recovery;

/// <summary>One recovery project, with its milestones and what the reader may do to it.</summary>
[Performs(Act.ViewRecoveryProject)]
public sealed record GetRecoveryProjectQuery(Guid Id) : IQuery<RecoveryProjectDto>, IRecoveryProjectMessage
{
    Guid IRecoveryProjectMessage.ProjectId => Id;
}

public sealed class GetRecoveryProjectQueryHandler(AppDbContext db, AccessPolicy access) : IQueryHandler<GetRecoveryProjectQuery, RecoveryProjectDto>
{
    public async ValueTask<RecoveryProjectDto> Handle(GetRecoveryProjectQuery query, CancellationToken cancellationToken) =>
        await RecoveryProjectDto.LoadOneAsync(db, query.Id, cancellationToken)
        with
        { Capabilities = await access.CapabilitiesAsync(SubjectKind.RecoveryProject, query.Id, cancellationToken) };
}
