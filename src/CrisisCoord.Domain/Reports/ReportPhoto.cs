using CrisisCoord.Domain.Common;

namespace CrisisCoord.Domain.Reports;

/// <summary>
/// A photo attached to a report, stored as the bytes that are served (after location metadata was taken out, unless
/// the reporter kept it). Its type was told from its content; its name is made safe for a download.
/// </summary>
public sealed class ReportPhoto
{
    /// <summary>10 MB: a phone photo at full resolution fits; a video renamed to .jpg does not.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int FileNameMaxLength = 100;

    private ReportPhoto()
    {
    }

    public Guid Id { get; private set; }

    public Guid ReportId { get; private set; }

    /// <summary>The incident the report belongs to now (moves with it): who may see the photo is decided by it.</summary>
    public Guid IncidentId { get; private set; }

    /// <summary>1 to <see cref="IncidentReport.MaxPhotos"/>, in the order they were sent.</summary>
    public int Position { get; private set; }

    /// <summary>image/jpeg, image/png or image/webp, from the content.</summary>
    public string ContentType { get; private set; } = "";

    /// <summary>A safe name for a download: letters, digits, dots, dashes and underscores, ending in the type's extension.</summary>
    public string FileName { get; private set; } = "";

    public long Length { get; private set; }

    /// <summary>SHA-256 of <see cref="Content"/>, lower-case hex: what the timeline records instead of the bytes.</summary>
    public string Sha256 { get; private set; } = "";

    /// <summary>Exif or XMP metadata (which can hold where it was taken) was taken out before storing.</summary>
    public bool MetadataRemoved { get; private set; }

    public byte[] Content { get; private set; } = [];

    public DateTimeOffset StoredAt { get; private set; }

    public static ReportPhoto Store(
        IncidentReport report, int position, string contentType, string fileName, byte[] content, string sha256, bool metadataRemoved, DateTimeOffset now)
    {
        if (position is < 1 or > IncidentReport.MaxPhotos)
        {
            throw new ArgumentOutOfRangeException(nameof(position), $"A report carries at most {IncidentReport.MaxPhotos} photos.");
        }

        if (content.Length is 0 or > MaxBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(content), "A photo is at most 10 MB.");
        }

        return new ReportPhoto
        {
            Id = Guid.CreateVersion7(now),
            ReportId = report.Id,
            IncidentId = report.IncidentId,
            Position = position,
            ContentType = contentType,
            FileName = fileName,
            Length = content.Length,
            Sha256 = sha256,
            MetadataRemoved = metadataRemoved,
            Content = content,
            StoredAt = Microseconds.Truncate(now),
        };
    }

    /// <summary>Moves with its report to the incident its own was merged into.</summary>
    public void MoveTo(Guid incidentId) => IncidentId = incidentId;
}
