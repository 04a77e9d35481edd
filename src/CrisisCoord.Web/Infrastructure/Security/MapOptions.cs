using System.Text.RegularExpressions;

namespace CrisisCoord.Web.Infrastructure.Security;

/// <summary>
/// The dashboard map's background. None unless configured: the tile server is the only third party a
/// page may load from, so the Content-Security-Policy allows its origin only when it is set here.
/// </summary>
public sealed partial class MapOptions
{
    public const string Section = "Map";

    /// <summary>A tile URL template such as <c>https://tile.openstreetmap.org/{z}/{x}/{y}.png</c>; empty for none.</summary>
    public string TileUrl { get; set; } = "";

    public string TileAttribution { get; set; } = "";

    /// <summary>The CSP source for the tiles (<c>{s}</c> subdomains become a wildcard), or null when there are none.</summary>
    public string? TileSource
    {
        get
        {
            var match = Origin().Match(TileUrl);
            return match.Success ? match.Groups["origin"].Value.Replace("{s}", "*", StringComparison.Ordinal) : null;
        }
    }

    public string? Problem() =>
        TileUrl.Length == 0 || (TileSource is not null && TileUrl.Contains("{z}", StringComparison.Ordinal)
                                && TileUrl.Contains("{x}", StringComparison.Ordinal) && TileUrl.Contains("{y}", StringComparison.Ordinal))
            ? null
            : $"'{Section}:TileUrl' must be empty or an http(s) URL template with {{z}}, {{x}} and {{y}}, such as https://tile.openstreetmap.org/{{z}}/{{x}}/{{y}}.png.";

    // Scheme and host (letters, digits, dots, hyphens, an optional {s} and port) and nothing that could end the CSP directive.
    [GeneratedRegex(@"^(?<origin>https?://(\{s\}\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?)/", RegexOptions.CultureInvariant)]
    private static partial Regex Origin();
}
