namespace CrisisCoord.Domain.Warnings;

/// <summary>
/// One CAP message a warning issued, exactly as issued: the XML text, its identifier, its <c>sent</c> time as
/// written in it, and its type. Never changed or removed; an Update or Cancel names every earlier message of its
/// warning in <c>references</c> from these rows.
/// </summary>
public sealed class WarningMessage
{
    public const int IdentifierMaxLength = 200;
    public const int SenderMaxLength = 200;

    private WarningMessage()
    {
    }

    public Guid Id { get; private set; }

    public Guid WarningId { get; private set; }

    /// <summary>The incident, so the message belongs to the incident's timeline chain.</summary>
    public Guid IncidentId { get; private set; }

    /// <summary>1 for the Alert, then 2, 3, … in the order issued.</summary>
    public int Sequence { get; private set; }

    public string Identifier { get; private set; } = "";

    public string Sender { get; private set; } = "";

    /// <summary>The instant it was sent (UTC).</summary>
    public DateTimeOffset Sent { get; private set; }

    /// <summary>The <c>sent</c> value exactly as written in the message (with its offset), which references repeat.</summary>
    public string SentText { get; private set; } = "";

    public CapMessageType MessageType { get; private set; }

    public WarningStatus Status { get; private set; }

    public WarningScope Scope { get; private set; }

    /// <summary>The whole CAP document as issued.</summary>
    public string Xml { get; private set; } = "";

    /// <summary>CAP's <c>sender,identifier,sent</c>, the form <c>references</c> uses.</summary>
    public string Reference => $"{Sender},{Identifier},{SentText}";

    public static WarningMessage Issued(
        Warning warning, int sequence, string identifier, string sender, DateTimeOffset sent, string sentText, CapMessageType type, string xml) => new()
        {
            Id = Guid.CreateVersion7(sent),
            WarningId = warning.Id,
            IncidentId = warning.IncidentId,
            Sequence = sequence,
            Identifier = identifier,
            Sender = sender,
            Sent = sent,
            SentText = sentText,
            MessageType = type,
            Status = warning.Status,
            Scope = warning.Scope,
            Xml = xml,
        };
}
