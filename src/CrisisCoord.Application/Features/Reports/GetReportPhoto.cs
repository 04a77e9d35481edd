using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Reports;

/// <summary>One photo's bytes, for those who see the incident's detail; anyone else is answered as if it did not exist.</summary>
[Performs(Act.ViewReportPhoto)]
public sealed record GetReportPhotoQuery(Guid PhotoId) : IQuery<ReportPhotoFile>, IPhotoMessage;

public sealed record ReportPhotoFile(Guid Id, string ContentType, string FileName, string Sha256, byte[] Content);

public sealed class GetReportPhotoQueryHandler(AppDbContext db) : IQueryHandler<GetReportPhotoQuery, ReportPhotoFile>
{
    public async ValueTask<ReportPhotoFile> Handle(GetReportPhotoQuery query, CancellationToken cancellationToken) =>
        await db.ReportPhotos.AsNoTracking()
            .Where(p => p.Id == query.PhotoId)
            .Select(p => new ReportPhotoFile(p.Id, p.ContentType, p.FileName, p.Sha256, p.Content))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Photo", query.PhotoId);
}
