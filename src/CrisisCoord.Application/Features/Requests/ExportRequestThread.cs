using System.Xml.Linq;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;

namespace CrisisCoord.Application.Features.Requests;

/// <summary>
/// A request thread as OASIS EDXL-RM 1.0 messages — RequestResource, ResponseToRequestResource,
/// CommitResource, ReleaseResource — each threaded by MessageID / OriginatingMessageID / PrecedingMessageID,
/// carried together in one EDXL-DE 1.0 distribution (one contentObject per message, in time order).
/// </summary>
[Performs(Act.ViewRequest)]
public sealed record ExportRequestThreadQuery(Guid Id) : IQuery<XDocument>, IResourceRequestMessage
{
    Guid IResourceRequestMessage.RequestId => Id;
}

public sealed class ExportRequestThreadQueryHandler(AppDbContext db, AccessPolicy access, ICurrentUser user, TimeProvider clock) : IQueryHandler<ExportRequestThreadQuery, XDocument>
{
    public async ValueTask<XDocument> Handle(ExportRequestThreadQuery query, CancellationToken cancellationToken)
    {
        var thread = (await new[] { await RequestThreads.LoadOneAsync(db, query.Id, cancellationToken) }.AsSeenByReaderAsync(access, user.OrganisationId, cancellationToken)).Single();
        return EdxlRm.Distribution($"crisiscoord:request:{thread.Id}", clock.GetUtcNow(), EdxlRm.Thread(thread));
    }
}
