using Microsoft.Extensions.Options;
using MimeKit;

namespace CrisisCoord.Web.Infrastructure.Mail;

/// <summary>How the portal's mail leaves it: through an SMTP server, or as .eml files in a pickup directory (docs/operations.md).</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The portal's public address, which links in mails start with (e.g. https://crisis.example.gov/).</summary>
    public string? PortalUrl { get; set; }

    public string? FromAddress { get; set; }

    public string FromName { get; set; } = "CrisisCoord";

    /// <summary>When set, each message is written here as an .eml file instead of being sent (demos, development).</summary>
    public string? PickupDirectory { get; set; }

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public int TimeoutSeconds { get; set; } = 30;

    public bool UsesPickupDirectory => !string.IsNullOrWhiteSpace(PickupDirectory);

    /// <summary>What is wrong with the settings, or null. Never quotes the password.</summary>
    public string? Problem()
    {
        if (!Uri.TryCreate(PortalUrl, UriKind.Absolute, out var portal) || portal.Scheme is not ("https" or "http"))
        {
            return "Mail:PortalUrl must be the portal's public address, e.g. https://crisis.example.gov/ (links in mails start with it).";
        }

        if (string.IsNullOrWhiteSpace(FromAddress) || !MailboxAddress.TryParse(FromAddress, out var from) || !from.Address.Contains('@'))
        {
            return "Mail:FromAddress must be the address mails are sent from, e.g. no-reply@crisis.example.gov.";
        }

        if (UsesPickupDirectory == !string.IsNullOrWhiteSpace(Host))
        {
            return "Set either Mail:Host (an SMTP server) or Mail:PickupDirectory (write mails as files), not both or neither.";
        }

        if (UsesPickupDirectory)
        {
            return null;
        }

        if (Port is < 1 or > 65535 || TimeoutSeconds is < 1 or > 300)
        {
            return "Mail:Port must be 1–65535 and Mail:TimeoutSeconds 1–300.";
        }

        if (string.IsNullOrEmpty(UserName) != string.IsNullOrEmpty(Password))
        {
            return "Set both Mail:UserName and Mail:Password, or neither.";
        }

        return Security == MailSecurity.None && !string.IsNullOrEmpty(UserName)
            ? "Mail:Security is None but a Mail:UserName is set: the password would cross the network in clear. Use StartTls or SslOnConnect."
            : null;
    }
}

/// <summary>How the SMTP connection is protected: STARTTLS after connecting (port 587), TLS from the start (465), or not at all (a relay on the same machine).</summary>
public enum MailSecurity
{
    StartTls,
    SslOnConnect,
    None,
}

internal sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
