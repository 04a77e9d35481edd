namespace CrisisCoord.Application.Features.Reports;

/// <summary>The image formats a report's photos may be in.</summary>
public enum PhotoFormat
{
    Jpeg,
    Png,
    WebP,
}

/// <summary>What a file is, told by its first bytes rather than by its name or the type the browser claimed.</summary>
public static class PhotoFormats
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static PhotoFormat? Detect(ReadOnlySpan<byte> content)
    {
        if (content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
        {
            return PhotoFormat.Jpeg;
        }

        if (content.StartsWith(PngSignature))
        {
            return PhotoFormat.Png;
        }

        return content.Length >= 12 && content[..4].SequenceEqual("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8)
            ? PhotoFormat.WebP
            : null;
    }

    public static string ContentType(this PhotoFormat format) => format switch
    {
        PhotoFormat.Jpeg => "image/jpeg",
        PhotoFormat.Png => "image/png",
        _ => "image/webp",
    };

    public static string Extension(this PhotoFormat format) => format switch
    {
        PhotoFormat.Jpeg => ".jpg",
        PhotoFormat.Png => ".png",
        _ => ".webp",
    };

    public static PhotoFormat FromContentType(string contentType) => contentType switch
    {
        "image/jpeg" => PhotoFormat.Jpeg,
        "image/png" => PhotoFormat.Png,
        "image/webp" => PhotoFormat.WebP,
        _ => throw new ArgumentOutOfRangeException(nameof(contentType), contentType, "Not a photo format this portal stores."),
    };
}
