namespace CrisisCoord.Application.Mail;

/// <summary>
/// One message to one person, in plain text only: whatever a person typed (a name, a note) goes into the
/// body as text and can never become markup.
/// </summary>
/// <param name="Kind">What the mail is for (e.g. <c>ConfirmEmail</c>). Logs name the kind, never the address or body, which carry links with tokens.</param>
/// <param name="ToAddress">The recipient's address.</param>
/// <param name="ToName">The recipient's name, or empty.</param>
/// <param name="Subject">A fixed text: subjects never quote what a person typed.</param>
/// <param name="Body">The plain-text body.</param>
public sealed record OutgoingMail(string Kind, string ToAddress, string ToName, string Subject, string Body)
{
    /// <summary>A Message-ID fixed by the caller (without angle brackets), so a message sent again is recognisably the same; a new one when null.</summary>
    public string? MessageId { get; init; }
}
