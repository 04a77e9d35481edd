using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;

namespace CrisisCoord.Application.Features.CheckIns;

/// <summary>One check-in, for its person or a coordinator of its incident (404 to anyone else).</summary>
[Performs(Act.ViewCheckIn)]
public sealed record GetCheckInQuery(Guid Id) : IQuery<CheckInDto>, ICheckInMessage
{
    Guid ICheckInMessage.CheckInId => Id;
}

public sealed class GetCheckInQueryHandler(AppDbContext db, AccessPolicy access) : IQueryHandler<GetCheckInQuery, CheckInDto>
{
    public async ValueTask<CheckInDto> Handle(GetCheckInQuery query, CancellationToken cancellationToken) =>
        (await new[] { await CheckInDto.LoadAsync(db, query.Id, cancellationToken) }.WithCapabilitiesAsync(access, cancellationToken)).Single();
}
