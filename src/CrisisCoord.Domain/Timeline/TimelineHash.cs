using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CrisisCoord.Domain.Timeline;

/// <summary>
/// The canonical byte encoding that an event's hash covers (docs/timeline.md gives it in full, so it
/// can be checked without this code). Every field is written as a 4-byte big-endian length followed by
/// its bytes, with length 0xFFFFFFFF for a missing value; text is UTF-8, ids are lower-case
/// hyphenated UUIDs, the sequence is decimal, the time is <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>, and
/// hashes are their 32 raw bytes.
/// </summary>
public static class TimelineHash
{
    public const string EventDomain = "crisiscoord-timeline-event-v1";
    public const string CheckpointDomain = "crisiscoord-timeline-checkpoint-v1";
    public const string WitnessDomain = "crisiscoord-timeline-witness-v1";
    public const int Size = 32;
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>The previous hash of a chain's first event: 32 zero bytes.</summary>
    public static byte[] Genesis => new byte[Size];

    public static byte[] Compute(TimelineEvent e) => SHA256.HashData(Encode(e));

    public static byte[] Encode(TimelineEvent e)
    {
        var w = new FieldWriter();
        w.Text(EventDomain);
        w.Text(Id(e.Id));
        w.Text(Id(e.ChainId));
        w.Text(e.Sequence.ToString(CultureInfo.InvariantCulture));
        w.Text(Time(e.OccurredAt));
        w.Text(e.ActorUserId is { } user ? Id(user) : null);
        w.Text(e.ActorOrganisationId is { } organisation ? Id(organisation) : null);
        w.Text(e.Action);
        w.Text(e.EntityType);
        w.Text(e.EntityId);
        w.Bytes(PayloadDigest(e.Payload));
        w.Bytes(e.PreviousHash);
        return w.ToArray();
    }

    /// <summary>The bytes a checkpoint's signature covers.</summary>
    public static byte[] EncodeCheckpoint(Guid chainId, long sequence, byte[] headHash, DateTimeOffset takenAt)
    {
        var w = new FieldWriter();
        w.Text(CheckpointDomain);
        w.Text(Id(chainId));
        w.Text(sequence.ToString(CultureInfo.InvariantCulture));
        w.Bytes(headHash);
        w.Text(Time(takenAt));
        return w.ToArray();
    }

    /// <summary>The bytes an auditor's witness signature covers: its own domain, so it can never pass for a checkpoint.</summary>
    public static byte[] EncodeWitness(Guid chainId, long sequence, byte[] headHash, DateTimeOffset witnessedAt, string keyId)
    {
        var w = new FieldWriter();
        w.Text(WitnessDomain);
        w.Text(Id(chainId));
        w.Text(sequence.ToString(CultureInfo.InvariantCulture));
        w.Bytes(headHash);
        w.Text(Time(witnessedAt));
        w.Text(keyId);
        return w.ToArray();
    }

    public static byte[] PayloadDigest(string payload) => SHA256.HashData(Encoding.UTF8.GetBytes(payload));

    public static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    private static string Id(Guid id) => id.ToString("D");

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private sealed class FieldWriter
    {
        private readonly MemoryStream _stream = new();

        public void Text(string? value) => Bytes(value is null ? null : Encoding.UTF8.GetBytes(value));

        public void Bytes(byte[]? value)
        {
            Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(length, value is null ? uint.MaxValue : (uint)value.Length);
            _stream.Write(length);
            if (value is not null)
            {
                _stream.Write(value);
            }
        }

        public byte[] ToArray() => _stream.ToArray();
    }
}
