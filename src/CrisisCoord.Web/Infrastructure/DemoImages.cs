using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using CrisisCoord.Application.Common;

namespace CrisisCoord.Web.Infrastructure;

/// <summary>
/// Small, valid pictures made in code for the demo's citizen reports (and the tests): a baseline JPEG of flat 8×8
/// blocks, a PNG of any pixels, a lossless WebP of one colour. No binary file is shipped or fetched for them.
/// </summary>
public static class DemoImages
{
    public readonly record struct Rgb(byte R, byte G, byte B);

    /// <summary>
    /// A baseline JPEG (YCbCr, no subsampling) whose 8×8 blocks are each one colour: every block is only its DC
    /// coefficient, so the encoder needs no transform — a quantisation table of ones and Huffman tables for the DC
    /// categories and the end of block. Width and height are rounded up to whole blocks.
    /// </summary>
    public static byte[] Jpeg(int width, int height, Func<int, int, Rgb> block)
    {
        var columns = (width + 7) / 8;
        var rows = (height + 7) / 8;
        using var output = new MemoryStream();
        output.Write([0xFF, 0xD8]);
        Segment(output, 0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        Segment(output, 0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        Segment(output, 0xC0, [8, (byte)((rows * 8) >> 8), (byte)(rows * 8), (byte)((columns * 8) >> 8), (byte)(columns * 8), 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]);
        // DC: the standard luminance table (ITU T.81 K.3); AC: one code, "0", for the end of block.
        byte[] dcCounts = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
        Segment(output, 0xC4, [0x00, .. dcCounts, .. Enumerable.Range(0, 12).Select(i => (byte)i)]);
        Segment(output, 0xC4, [0x10, 1, .. new byte[15], 0x00]);
        Segment(output, 0xDA, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]);

        var codes = CanonicalCodes(dcCounts);
        var bits = new BitWriter(output);
        var previous = new int[3];
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < columns; x++)
            {
                var c = block(x, y);
                double[] ycc =
                [
                    (0.299 * c.R) + (0.587 * c.G) + (0.114 * c.B),
                    128 - (0.168736 * c.R) - (0.331264 * c.G) + (0.5 * c.B),
                    128 + (0.5 * c.R) - (0.418688 * c.G) - (0.081312 * c.B),
                ];
                for (var component = 0; component < 3; component++)
                {
                    // A flat block's DC coefficient is 8 × (value − 128); the others are zero.
                    var dc = (int)Math.Round(8 * (Math.Clamp(ycc[component], 0, 255) - 128));
                    var diff = dc - previous[component];
                    previous[component] = dc;
                    var category = diff == 0 ? 0 : 32 - int.LeadingZeroCount(Math.Abs(diff));
                    bits.Write(codes[category].Code, codes[category].Length);
                    if (category > 0)
                    {
                        bits.Write(diff > 0 ? diff : diff + (1 << category) - 1, category);
                    }

                    bits.Write(0, 1);
                }
            }
        }

        bits.Flush();
        output.Write([0xFF, 0xD9]);
        return output.ToArray();
    }

    /// <summary>An 8-bit RGB PNG of the given pixels.</summary>
    public static byte[] Png(int width, int height, Func<int, int, Rgb> pixel)
    {
        using var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < width; x++)
            {
                var c = pixel(x, y);
                raw.Write([c.R, c.G, c.B]);
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw.ToArray());
        }

        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 8;
        header[9] = 2;
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        output.Write(PngChunk("IHDR", header));
        output.Write(PngChunk("IDAT", compressed.ToArray()));
        output.Write(PngChunk("IEND", []));
        return output.ToArray();
    }

    /// <summary>
    /// A lossless (VP8L) WebP of one colour: five prefix codes of one symbol each, so every pixel takes no bits.
    /// With <paramref name="extended"/>, a VP8X header comes first (as cameras that add metadata write it).
    /// </summary>
    public static byte[] WebP(int width, int height, Rgb colour, bool extended = false)
    {
        using var stream = new MemoryStream();
        var bits = new LsbWriter(stream);
        bits.Write(0x2F, 8);
        bits.Write(width - 1, 14);
        bits.Write(height - 1, 14);
        bits.Write(0, 1);
        bits.Write(0, 3);
        bits.Write(0, 1); // no transform
        bits.Write(0, 1); // no colour cache
        bits.Write(0, 1); // one group of prefix codes
        foreach (var symbol in new[] { colour.G, colour.R, colour.B, (byte)255 })
        {
            bits.Write(1, 1); // simple code
            bits.Write(0, 1); // one symbol
            bits.Write(1, 1); // of eight bits
            bits.Write(symbol, 8);
        }

        bits.Write(1, 1); // distance: simple code,
        bits.Write(0, 1); // one symbol,
        bits.Write(0, 1); // of one bit:
        bits.Write(0, 1); // zero
        bits.Flush();

        var chunks = new List<byte[]>();
        if (extended)
        {
            var vp8x = new byte[10];
            WriteUInt24(vp8x.AsSpan(4), width - 1);
            WriteUInt24(vp8x.AsSpan(7), height - 1);
            chunks.Add(RiffChunk("VP8X", vp8x));
        }

        chunks.Add(RiffChunk("VP8L", stream.ToArray()));
        return Riff(chunks);
    }

    /// <summary>A WebP file of the chunks given (each already with its header).</summary>
    public static byte[] Riff(IEnumerable<byte[]> chunks)
    {
        var body = chunks.SelectMany(c => c).ToArray();
        var file = new byte[12 + body.Length];
        "RIFF"u8.CopyTo(file);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(4 + body.Length));
        "WEBP"u8.CopyTo(file.AsSpan(8));
        body.CopyTo(file, 12);
        return file;
    }

    public static byte[] RiffChunk(string type, byte[] body)
    {
        var chunk = new byte[8 + body.Length + (body.Length & 1)];
        Encoding.ASCII.GetBytes(type, chunk);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), (uint)body.Length);
        body.CopyTo(chunk, 8);
        return chunk;
    }

    public static byte[] PngChunk(string type, byte[] body)
    {
        var chunk = new byte[12 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)body.Length);
        Encoding.ASCII.GetBytes(type, chunk.AsSpan(4));
        body.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + body.Length), Crc32.Compute(chunk.AsSpan(4, 4 + body.Length)));
        return chunk;
    }

    /// <summary>A picture of a crack across a grey wall under a blue sky, in blocks: the demo's "photo".</summary>
    public static Rgb CrackedWall(int x, int y) =>
        y < 4 ? new Rgb(120, 170, 220)
        : Math.Abs(x - (y * 2) + 4) <= 1 ? new Rgb(40, 36, 34)
        : new Rgb(150, 146, 140);

    private static void Segment(Stream output, byte marker, byte[] payload)
    {
        output.Write([0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2)]);
        output.Write(payload);
    }

    private static (int Code, int Length)[] CanonicalCodes(byte[] counts)
    {
        var codes = new List<(int, int)>();
        var code = 0;
        for (var length = 1; length <= 16; length++)
        {
            for (var i = 0; i < counts[length - 1]; i++)
            {
                codes.Add((code++, length));
            }

            code <<= 1;
        }

        return [.. codes];
    }

    private static void WriteUInt24(Span<byte> target, int value)
    {
        target[0] = (byte)value;
        target[1] = (byte)(value >> 8);
        target[2] = (byte)(value >> 16);
    }

    /// <summary>JPEG entropy data: most significant bit first, a 0x00 after every 0xFF, padded with ones.</summary>
    private sealed class BitWriter(Stream output)
    {
        private int _buffer;
        private int _count;

        public void Write(int value, int length)
        {
            for (var i = length - 1; i >= 0; i--)
            {
                _buffer = (_buffer << 1) | ((value >> i) & 1);
                if (++_count == 8)
                {
                    Emit();
                }
            }
        }

        public void Flush()
        {
            while (_count != 0)
            {
                Write(1, 1);
            }
        }

        private void Emit()
        {
            output.WriteByte((byte)_buffer);
            if (_buffer == 0xFF)
            {
                output.WriteByte(0);
            }

            _buffer = 0;
            _count = 0;
        }
    }

    /// <summary>WebP lossless data: least significant bit first.</summary>
    private sealed class LsbWriter(Stream output)
    {
        private ulong _buffer;
        private int _count;

        public void Write(int value, int length)
        {
            _buffer |= (ulong)(uint)value << _count;
            _count += length;
            while (_count >= 8)
            {
                output.WriteByte((byte)_buffer);
                _buffer >>= 8;
                _count -= 8;
            }
        }

        public void Flush()
        {
            if (_count > 0)
            {
                output.WriteByte((byte)_buffer);
            }

            _buffer = 0;
            _count = 0;
        }
    }
}
