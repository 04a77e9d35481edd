namespace CrisisCoord.Application.Data;

/// <summary>
/// One API POST sent with an Idempotency-Key, per person: in progress until <see cref="CompletedAt"/>, then the
/// response to replay to a retry. Written and read only by the web layer's idempotency middleware (ADR 0019).
/// </summary>
public sealed class IdempotencyRecord
{
    public const int KeyMaxLength = 255;

    public Guid UserId { get; set; }

    public string Key { get; set; } = "";

    /// <summary>SHA-256 of method, path and body: the same key with another request is refused.</summary>
    public byte[] RequestHash { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public int? StatusCode { get; set; }

    /// <summary>The replayed headers (Location, ETag, Content-Type) as JSON.</summary>
    public string? Headers { get; set; }

    public byte[]? Body { get; set; }
}
