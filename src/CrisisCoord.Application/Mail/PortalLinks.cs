using Microsoft.AspNetCore.WebUtilities;

namespace CrisisCoord.Application.Mail;

/// <summary>
/// Links to the portal for mails, built on its configured public address (<c>Mail:PortalUrl</c>) and never on
/// the request's Host header, which the caller chooses: a forged host would otherwise send a reset token to the
/// forger's site.
/// </summary>
public sealed class PortalLinks(Uri portalUrl)
{
    public Uri PortalUrl { get; } = portalUrl;

    public string To(string path, IDictionary<string, string?> query) =>
        QueryHelpers.AddQueryString(new Uri(PortalUrl, path.TrimStart('/')).ToString(), query);
}
