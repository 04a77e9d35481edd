using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Reports;

/// <summary>
/// The reports that make up an incident (its own and those of duplicates merged into it), with their call-back
/// numbers and photos: detail, for those who see the incident's detail.
/// </summary>
[Performs(Act.ViewIncidentDetail)]
public sealed record ListIncidentReportsQuery(Guid IncidentId) : IQuery<IReadOnlyList<IncidentReportDto>>, IIncidentMessage;

/// <summary>
/// One report of the incident: <c>FirstIncidentId</c> is the incident it was logged as (another one when it came with a
/// merged duplicate); <c>CallbackNumber</c> is how to call the reporter back ("" when they gave none).
/// </summary>
public sealed record IncidentReportDto(
    Guid Id,
    Guid IncidentId,
    Guid FirstIncidentId,
    string FirstIncidentTitle,
    string ReporterName,
    string? ReporterOrganisationName,
    DateTimeOffset ReportedAt,
    string CallbackNumber,
    bool PhotoLocationKept,
    IReadOnlyList<ReportPhotoDto> Photos)
{
    public bool CameWithMergedIncident => FirstIncidentId != IncidentId;

    public static async Task<IReadOnlyList<IncidentReportDto>> ForIncidentAsync(AppDbContext db, Guid incidentId, CancellationToken ct)
    {
        var reports = await db.IncidentReports.AsNoTracking()
            .Where(r => r.IncidentId == incidentId)
            .OrderBy(r => r.ReportedAt)
            .Select(r => new
            {
                r.Id,
                r.IncidentId,
                r.FirstIncidentId,
                FirstTitle = db.Incidents.Where(i => i.Id == r.FirstIncidentId).Select(i => i.Title).First(),
                Reporter = db.Users.Where(u => u.Id == r.ReporterUserId).Select(u => u.DisplayName).First(),
                Organisation = db.Organisations.Where(o => o.Id == r.ReporterOrganisationId).Select(o => o.Name).FirstOrDefault(),
                r.ReportedAt,
                r.CallbackNumber,
                r.PhotoLocationKept,
            })
            .ToListAsync(ct);
        var ids = reports.Select(r => r.Id).ToList();
        var photos = (await db.ReportPhotos.AsNoTracking()
                .Where(p => ids.Contains(p.ReportId))
                .OrderBy(p => p.Position)
                .Select(p => new { p.ReportId, Photo = new ReportPhotoDto(p.Id, p.Position, p.ContentType, p.FileName, p.Length, p.Sha256, p.MetadataRemoved) })
                .ToListAsync(ct))
            .ToLookup(p => p.ReportId, p => p.Photo);
        return [.. reports.Select(r => new IncidentReportDto(
            r.Id, r.IncidentId, r.FirstIncidentId, r.FirstTitle, r.Reporter, r.Organisation, r.ReportedAt, r.CallbackNumber, r.PhotoLocationKept, [.. photos[r.Id]]))];
    }
}

/// <summary>A photo of a report; <c>MetadataRemoved</c>: Exif/XMP (which can hold where it was taken) was taken out before it was stored.</summary>
public sealed record ReportPhotoDto(Guid Id, int Position, string ContentType, string FileName, long Length, string Sha256, bool MetadataRemoved)
{
    /// <summary>Where to read the picture (the API; the pages use /Reports/Photos/{id}).</summary>
    public string Url => $"/api/v1/photos/{Id}";
}

public sealed class ListIncidentReportsQueryHandler(AppDbContext db) : IQueryHandler<ListIncidentReportsQuery, IReadOnlyList<IncidentReportDto>>
{
    public async ValueTask<IReadOnlyList<IncidentReportDto>> Handle(ListIncidentReportsQuery query, CancellationToken cancellationToken) =>
        await IncidentReportDto.ForIncidentAsync(db, query.IncidentId, cancellationToken);
}
