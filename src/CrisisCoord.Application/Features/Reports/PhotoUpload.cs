using System.Security.Cryptography;
using System.Text;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Reports;
using FluentValidation.Results;

namespace CrisisCoord.Application.Features.Reports;

/// <summary>A photo as it arrived: the name the sender's device gave it and its bytes (read with <see cref="ReadAsync"/>).</summary>
public sealed record PhotoUpload(string FileName, byte[] Content)
{
    /// <summary>Reads at most one byte more than a photo may have: enough to say it is too large, never the whole of a huge file.</summary>
    public static async Task<PhotoUpload> ReadAsync(string? fileName, Stream stream, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= ReportPhoto.MaxBytes
               && (read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, ReportPhoto.MaxBytes + 1 - buffer.Length)), ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return new PhotoUpload(fileName ?? "", buffer.ToArray());
    }
}

/// <summary>A photo ready to store: its format, safe name, bytes (stripped unless the reporter kept the location) and digest.</summary>
public sealed record PreparedPhoto(PhotoFormat Format, string FileName, byte[] Content, string Sha256, bool MetadataRemoved);

/// <summary>
/// The rules for a report's photos, in one place for the validator (which names each bad file) and the handler
/// (which prepares the good ones): at most three; JPEG, PNG or WebP by their content; at most 10 MB; whole.
/// </summary>
public static class ReportPhotoRules
{
    public const string Field = "photos";

    public static IEnumerable<ValidationFailure> Problems(IReadOnlyList<PhotoUpload> photos)
    {
        if (photos.Count > IncidentReport.MaxPhotos)
        {
            yield return new ValidationFailure(Field, Texts.Format("Validation.Upload.TooManyPhotos", IncidentReport.MaxPhotos, photos.Count));
        }

        for (var i = 0; i < photos.Count; i++)
        {
            if (Problem(photos[i]) is { } problem)
            {
                yield return new ValidationFailure($"{Field}[{i}]", problem);
            }
        }
    }

    /// <summary>What is wrong with one photo, naming it; null when it may be stored.</summary>
    public static string? Problem(PhotoUpload photo)
    {
        var name = Shown(photo.FileName);
        if (photo.Content.Length == 0)
        {
            return Texts.Format("Validation.Upload.PhotoEmpty", name);
        }

        if (photo.Content.Length > ReportPhoto.MaxBytes)
        {
            return Texts.Format("Validation.Upload.PhotoTooLarge", name);
        }

        if (PhotoFormats.Detect(photo.Content) is not { } format)
        {
            return Texts.Format("Validation.Upload.PhotoNotPicture", name);
        }

        try
        {
            PhotoLocationStripper.EnsureWhole(photo.Content, format);
            return null;
        }
        catch (DamagedPhotoException damaged)
        {
            return Texts.Format("Validation.Upload.PhotoDamaged", name, damaged.Message);
        }
    }

    public static PreparedPhoto Prepare(PhotoUpload photo, int position, bool keepLocation)
    {
        var format = PhotoFormats.Detect(photo.Content) ?? throw new InvalidOperationException("The photo was not checked before it was prepared.");
        var stripped = keepLocation ? new StrippedPhoto(photo.Content, false) : PhotoLocationStripper.Strip(photo.Content, format);
        return new PreparedPhoto(format, SafeFileName(photo.FileName, position, format), stripped.Content, Convert.ToHexStringLower(SHA256.HashData(stripped.Content)), stripped.MetadataRemoved);
    }

    /// <summary>
    /// A name that is safe in a Content-Disposition header and on any disk: the sender's name without its folder,
    /// reduced to letters, digits, dots, dashes and underscores, with the extension of what the file really is.
    /// </summary>
    public static string SafeFileName(string fileName, int position, PhotoFormat format)
    {
        var bare = fileName.Replace('\\', '/');
        bare = bare[(bare.LastIndexOf('/') + 1)..];
        var dot = bare.LastIndexOf('.');
        if (dot > 0)
        {
            bare = bare[..dot];
        }

        var safe = new StringBuilder();
        foreach (var c in bare)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        var stem = string.Join('-', safe.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries)).Trim('.', '_');
        stem = stem.Length == 0 ? $"photo-{position}" : stem[..Math.Min(stem.Length, ReportPhoto.FileNameMaxLength - 8)];
        return stem + format.Extension();
    }

    /// <summary>A file name as a message shows it: quoted, one line, not too long.</summary>
    private static string Shown(string fileName)
    {
        var line = new string([.. fileName.Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
        line = line.Length == 0 ? "(no name)" : line.Length > 60 ? line[..59] + "…" : line;
        return $"'{line}'";
    }
}
