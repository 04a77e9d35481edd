using System.Buffers.Binary;
using System.Text;
using CrisisCoord.Web.Infrastructure;

namespace CrisisCoord.IntegrationTests.Features.Reports;

/// <summary>Pictures as phones send them: with Exif (orientation and a GPS position) and XMP naming the place.</summary>
public static class PhotoSamples
{
    /// <summary>The GPS latitude's first two rationals (30/1, 41/1) as stored: found in a file only if its position was kept.</summary>
    public static readonly byte[] GpsLatitudeBytes = [0, 0, 0, 30, 0, 0, 0, 1, 0, 0, 0, 41, 0, 0, 0, 1];

    public const string XmpText = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:Description exif:GPSLatitude=\"30,41.37N\"/></x:xmpmeta>";

    public static byte[] PlainJpeg() => DemoImages.Jpeg(32, 24, DemoImages.CrackedWall);

    public static byte[] PlainPng() => DemoImages.Png(12, 8, (x, y) => new DemoImages.Rgb((byte)(x * 20), (byte)(y * 30), 90));

    /// <summary>A TIFF structure (big-endian) with an orientation and a GPS directory holding a latitude.</summary>
    public static byte[] GpsExif(ushort orientation)
    {
        var tiff = new byte[68 + 24];
        "MM\0*"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(8), 2);
        Entry(tiff, 10, 0x0112, 3, 1, (uint)orientation << 16);
        Entry(tiff, 22, 0x8825, 4, 1, 38);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(38), 2);
        Entry(tiff, 40, 0x0001, 2, 2, 0x4E000000);
        Entry(tiff, 52, 0x0002, 5, 3, 68);
        GpsLatitudeBytes.CopyTo(tiff, 68);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(84), 2233);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(88), 100);
        return tiff;
    }

    /// <summary>A JPEG with an Exif APP1 (orientation 6, GPS) and an XMP APP1 after its start.</summary>
    public static byte[] JpegWithLocation()
    {
        var plain = PlainJpeg();
        var exif = Segment(0xE1, [.. "Exif\0\0"u8, .. GpsExif(6)]);
        var xmp = Segment(0xE1, [.. Encoding.ASCII.GetBytes("http://ns.adobe.com/xap/1.0/\0"), .. Encoding.UTF8.GetBytes(XmpText)]);
        return [.. plain[..2], .. exif, .. xmp, .. plain[2..]];
    }

    /// <summary>A PNG with an eXIf chunk (GPS) and an iTXt XMP chunk after its header.</summary>
    public static byte[] PngWithLocation()
    {
        var plain = PlainPng();
        var exif = DemoImages.PngChunk("eXIf", GpsExif(1));
        var xmp = DemoImages.PngChunk("iTXt", [.. "XML:com.adobe.xmp\0\0\0\0\0"u8, .. Encoding.UTF8.GetBytes(XmpText)]);
        return [.. plain[..33], .. exif, .. xmp, .. plain[33..]];
    }

    /// <summary>An extended WebP whose header announces EXIF (GPS) and XMP chunks, which follow the picture.</summary>
    public static byte[] WebPWithLocation()
    {
        var plain = DemoImages.WebP(16, 16, new DemoImages.Rgb(200, 60, 40), extended: true);
        var chunks = plain[12..];
        chunks[8] |= 0x08 | 0x04;
        return DemoImages.Riff([chunks, DemoImages.RiffChunk("EXIF", GpsExif(3)), DemoImages.RiffChunk("XMP ", Encoding.UTF8.GetBytes(XmpText))]);
    }

    public static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    public static bool Contains(byte[] haystack, string text) => Contains(haystack, Encoding.UTF8.GetBytes(text));

    private static void Entry(byte[] tiff, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at + 2), type);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at + 4), count);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at + 8), value);
    }

    private static byte[] Segment(byte marker, byte[] payload) =>
        [0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2), .. payload];
}
