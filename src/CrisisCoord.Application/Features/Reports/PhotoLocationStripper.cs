using System.Buffers.Binary;
using System.Text;
using CrisisCoord.Application.Common;

namespace CrisisCoord.Application.Features.Reports;

/// <summary>A photo after <see cref="PhotoLocationStripper"/>: its bytes, and whether metadata was taken out.</summary>
public sealed record StrippedPhoto(byte[] Content, bool MetadataRemoved);

/// <summary>A file that starts like an image but whose structure is broken (cut short, lengths that overrun).</summary>
public sealed class DamagedPhotoException(string message) : Exception(message);

/// <summary>
/// Takes the metadata that can tell where a photo was taken out of JPEG, PNG and WebP files, without decoding
/// the picture: Exif (which holds the GPS position, and also the camera and time) and XMP, in JPEG APP1 segments,
/// PNG eXIf and XMP/raw-profile text chunks, and WebP EXIF and XMP chunks. Only the orientation survives, in a
/// minimal Exif of its own, so a phone's portrait photo is not shown on its side. Everything else is copied
/// byte for byte. Walking the structure also proves it whole: a broken file is refused, not stored.
/// </summary>
public static class PhotoLocationStripper
{
    private const ushort OrientationTag = 0x0112;

    private static readonly byte[] ExifHeader = "Exif\0\0"u8.ToArray();
    private static readonly byte[][] XmpHeaders = ["http://ns.adobe.com/xap/1.0/\0"u8.ToArray(), "http://ns.adobe.com/xmp/extension/\0"u8.ToArray()];

    public static StrippedPhoto Strip(byte[] content, PhotoFormat format) => format switch
    {
        PhotoFormat.Jpeg => Jpeg(content, strip: true),
        PhotoFormat.Png => Png(content, strip: true),
        _ => WebP(content, strip: true),
    };

    /// <summary>Walks the file as <see cref="Strip"/> would, changing nothing: throws <see cref="DamagedPhotoException"/> if it is broken.</summary>
    public static void EnsureWhole(byte[] content, PhotoFormat format)
    {
        _ = format switch
        {
            PhotoFormat.Jpeg => Jpeg(content, strip: false),
            PhotoFormat.Png => Png(content, strip: false),
            _ => WebP(content, strip: false),
        };
    }

    private static StrippedPhoto Jpeg(byte[] data, bool strip)
    {
        using var output = new MemoryStream(data.Length);
        output.Write(data, 0, 2);
        var removed = false;
        var position = 2;
        while (true)
        {
            if (position >= data.Length || data[position] != 0xFF)
            {
                throw new DamagedPhotoException("the JPEG ends or breaks before its picture data");
            }

            var start = position;
            while (position < data.Length && data[position] == 0xFF)
            {
                position++;
            }

            if (position >= data.Length)
            {
                throw new DamagedPhotoException("the JPEG ends before its picture data");
            }

            var marker = data[position++];
            if (marker is >= 0xD0 and <= 0xD7 or 0x01)
            {
                output.Write(data, start, position - start);
                continue;
            }

            if (marker == 0xD9)
            {
                throw new DamagedPhotoException("the JPEG has no picture data");
            }

            if (position + 2 > data.Length)
            {
                throw new DamagedPhotoException("the JPEG is cut short");
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(position));
            if (length < 2 || position + length > data.Length)
            {
                throw new DamagedPhotoException("a JPEG segment runs past the end of the file");
            }

            var payload = data.AsSpan(position + 2, length - 2);
            position += length;
            if (strip && marker == 0xE1 && payload.StartsWith(ExifHeader))
            {
                removed = true;
                if (MinimalExif(payload[ExifHeader.Length..]) is { } kept)
                {
                    output.Write([0xFF, 0xE1]);
                    output.Write(BigEndian16((ushort)(2 + ExifHeader.Length + kept.Length)));
                    output.Write(ExifHeader);
                    output.Write(kept);
                }

                continue;
            }

            if (strip && marker == 0xE1 && IsXmp(payload))
            {
                removed = true;
                continue;
            }

            output.Write(data, start, position - start);
            if (marker == 0xDA)
            {
                // Start of scan: the compressed picture follows; nothing after it is metadata a phone writes.
                output.Write(data, position, data.Length - position);
                return new StrippedPhoto(output.ToArray(), removed);
            }
        }
    }

    private static StrippedPhoto Png(byte[] data, bool strip)
    {
        using var output = new MemoryStream(data.Length);
        output.Write(data, 0, 8);
        var removed = false;
        var position = 8;
        var first = true;
        while (true)
        {
            if (position + 12 > data.Length)
            {
                throw new DamagedPhotoException("the PNG is cut short before its end chunk");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(position));
            var type = Encoding.ASCII.GetString(data, position + 4, 4);
            if (length > int.MaxValue || position + 12 + (long)length > data.Length)
            {
                throw new DamagedPhotoException($"the PNG chunk {Printable(type)} runs past the end of the file");
            }

            if (first && type != "IHDR")
            {
                throw new DamagedPhotoException("the PNG does not start with its header chunk");
            }

            first = false;
            var size = 12 + (int)length;
            var chunk = data.AsSpan(position, size);
            position += size;
            if (strip && type == "eXIf")
            {
                removed = true;
                if (MinimalExif(chunk.Slice(8, (int)length)) is { } kept)
                {
                    output.Write(PngChunk("eXIf", kept));
                }

                continue;
            }

            if (strip && type is "iTXt" or "tEXt" or "zTXt" && IsMetadataText(chunk.Slice(8, (int)length)))
            {
                removed = true;
                continue;
            }

            output.Write(chunk);
            if (type == "IEND")
            {
                // Bytes after the end chunk are no part of the picture, and could hide anything: they are dropped.
                return new StrippedPhoto(output.ToArray(), removed || position != data.Length);
            }
        }
    }

    private static StrippedPhoto WebP(byte[] data, bool strip)
    {
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(4));
        if (riffSize < 4 || 8 + (long)riffSize > data.Length)
        {
            throw new DamagedPhotoException("the WebP file is shorter than its header says");
        }

        var end = 8 + (int)riffSize;
        var chunks = new List<(string Type, byte[] Bytes)>();
        var removed = false;
        var position = 12;
        while (position < end)
        {
            if (position + 8 > end)
            {
                throw new DamagedPhotoException("the WebP file is cut short");
            }

            var type = Encoding.ASCII.GetString(data, position, 4);
            var length = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(position + 4));
            var padded = length + (length & 1);
            if (position + 8 + (long)padded > end)
            {
                throw new DamagedPhotoException($"the WebP chunk {Printable(type)} runs past the end of the file");
            }

            var chunk = data.AsSpan(position, 8 + (int)padded);
            position += chunk.Length;
            if (strip && type == "EXIF")
            {
                removed = true;
                var exif = chunk.Slice(8, (int)length);
                if (MinimalExif(exif.StartsWith(ExifHeader) ? exif[ExifHeader.Length..] : exif) is { } kept)
                {
                    chunks.Add(("EXIF", RiffChunk("EXIF", kept)));
                }

                continue;
            }

            if (strip && type == "XMP ")
            {
                removed = true;
                continue;
            }

            chunks.Add((type, chunk.ToArray()));
        }

        if (chunks.Count == 0 || chunks[0].Type is not ("VP8 " or "VP8L" or "VP8X"))
        {
            throw new DamagedPhotoException("the WebP file has no picture chunk");
        }

        if (chunks[0].Type == "VP8X")
        {
            // The extended header says which metadata chunks follow; it must agree with what is left.
            var flags = chunks[0].Bytes[8];
            flags = (byte)(flags & ~0x0C);
            if (chunks.Any(c => c.Type == "EXIF"))
            {
                flags |= 0x08;
            }

            if (chunks.Any(c => c.Type == "XMP "))
            {
                flags |= 0x04;
            }

            chunks[0].Bytes[8] = flags;
        }

        using var output = new MemoryStream(data.Length);
        output.Write("RIFF"u8);
        output.Write(LittleEndian32((uint)(4 + chunks.Sum(c => c.Bytes.Length))));
        output.Write("WEBP"u8);
        foreach (var (_, bytes) in chunks)
        {
            output.Write(bytes);
        }

        return new StrippedPhoto(output.ToArray(), removed || end != data.Length);
    }

    private static bool IsXmp(ReadOnlySpan<byte> payload)
    {
        foreach (var header in XmpHeaders)
        {
            if (payload.StartsWith(header))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>XMP, or a raw Exif/XMP/APP1 profile as ImageMagick writes them, in a PNG text chunk (its keyword comes first).</summary>
    private static bool IsMetadataText(ReadOnlySpan<byte> chunk)
    {
        var nul = chunk.IndexOf((byte)0);
        var keyword = Encoding.Latin1.GetString(nul < 0 ? chunk : chunk[..nul]);
        return keyword == "XML:com.adobe.xmp"
            || (keyword.StartsWith("Raw profile type ", StringComparison.OrdinalIgnoreCase)
                && keyword["Raw profile type ".Length..].ToLowerInvariant() is "exif" or "xmp" or "app1");
    }

    /// <summary>
    /// A TIFF structure holding only the orientation of the Exif given (big-endian, one entry), or null when the
    /// picture is upright or the orientation cannot be read.
    /// </summary>
    public static byte[]? MinimalExif(ReadOnlySpan<byte> tiff)
    {
        if (Orientation(tiff) is not { } orientation || orientation == 1)
        {
            return null;
        }

        var result = new byte[26];
        "MM\0*"u8.CopyTo(result);
        BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(8), 1);
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(10), OrientationTag);
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(12), 3);
        BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(14), 1);
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(18), orientation);
        return result;
    }

    /// <summary>The Exif orientation (1–8) in the first directory of a TIFF structure; null if absent or unreadable.</summary>
    public static ushort? Orientation(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8)
        {
            return null;
        }

        bool? little = tiff[0] == 'I' && tiff[1] == 'I' ? true : tiff[0] == 'M' && tiff[1] == 'M' ? false : null;
        if (little is not { } le)
        {
            return null;
        }

        ushort U16(ReadOnlySpan<byte> s) => le ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s);
        uint U32(ReadOnlySpan<byte> s) => le ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s);
        var directory = U32(tiff[4..]);
        if (directory > int.MaxValue - 2 || directory + 2 > tiff.Length)
        {
            return null;
        }

        var count = U16(tiff[(int)directory..]);
        for (var i = 0; i < count; i++)
        {
            var entry = (int)directory + 2 + (i * 12);
            if (entry + 12 > tiff.Length)
            {
                return null;
            }

            if (U16(tiff[entry..]) == OrientationTag && U16(tiff[(entry + 2)..]) == 3)
            {
                var value = U16(tiff[(entry + 8)..]);
                return value is >= 1 and <= 8 ? value : null;
            }
        }

        return null;
    }

    private static byte[] PngChunk(string type, byte[] body)
    {
        var chunk = new byte[12 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)body.Length);
        Encoding.ASCII.GetBytes(type, chunk.AsSpan(4));
        body.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + body.Length), Crc32.Compute(chunk.AsSpan(4, 4 + body.Length)));
        return chunk;
    }

    private static byte[] RiffChunk(string type, byte[] body)
    {
        var chunk = new byte[8 + body.Length + (body.Length & 1)];
        Encoding.ASCII.GetBytes(type, chunk);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), (uint)body.Length);
        body.CopyTo(chunk, 8);
        return chunk;
    }

    private static byte[] BigEndian16(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] LittleEndian32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static string Printable(string type) => new([.. type.Select(c => c is >= ' ' and <= '~' ? c : '?')]);
}
