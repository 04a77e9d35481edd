using System.Globalization;
using Microsoft.Playwright;

namespace CrisisCoord.Bench;

/// <summary>
/// <c>dashboard-timing</c>: the dashboard in the distribution's Chromium, signed in as the coordinator, until it is
/// interactive. Interactive means both: the load event has ended (every script has run and the page answers), and the
/// map has drawn its markers (the first animation frame after the first marker or cluster element enters the map's
/// marker or overlay pane). Times are from navigation start, as the page's own performance clock gives them; the
/// first load warms the browser's caches and is not counted. Prints
/// <c>DASHBOARD median_ms load_ms markers_ms html_bytes elements</c> (load and markers of the median run).
/// </summary>
public static class DashboardTimingCommand
{
    /// <summary>Anything Leaflet draws for incidents: SVG or canvas vectors, or marker and cluster icons.</summary>
    public const string DefaultSelector =
        "#incident-map .leaflet-overlay-pane path, #incident-map .leaflet-overlay-pane canvas, #incident-map .leaflet-marker-pane > *";

    public static async Task RunAsync(string url, string email, string password, string chromium, int runs, string selector)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                // The portal runs as in production behind a TLS proxy, played here by the browser itself (as in the
                // browser tests): it says X-Forwarded-Proto https and treats this plain-HTTP origin as secure.
                $"--unsafely-treat-insecure-origin-as-secure={url}",
            ],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = url,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https" },
        });
        await context.AddInitScriptAsync($$"""
            (() => {
              const drawn = () => {
                if (window.__benchMarkersSeen || !document.querySelector({{System.Text.Json.JsonSerializer.Serialize(selector)}})) return;
                window.__benchMarkersSeen = true;
                requestAnimationFrame(() => { window.__benchMarkers = performance.now(); });
              };
              new MutationObserver(drawn).observe(document, { childList: true, subtree: true });
            })();
            """);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", password);
        await page.ClickAsync("form:has(#Input_Email) button[type=submit]");
        await page.WaitForURLAsync(address => !address.Contains("/Account/SignIn", StringComparison.OrdinalIgnoreCase));

        List<(double Interactive, double Load, double Markers, double Bytes, double Elements)> loads = [];
        for (var i = 0; i <= runs; i++)
        {
            await page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 120_000 });
            await page.WaitForFunctionAsync("() => window.__benchMarkers !== undefined", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
            var m = await page.EvaluateAsync<double[]>($$"""
                () => {
                  const n = performance.getEntriesByType('navigation')[0];
                  return [n.loadEventEnd, window.__benchMarkers, n.encodedBodySize, document.querySelectorAll({{System.Text.Json.JsonSerializer.Serialize(selector)}}).length];
                }
                """);
            if (i > 0)
            {
                loads.Add((Math.Max(m[0], m[1]), m[0], m[1], m[2], m[3]));
            }
        }

        var median = loads.OrderBy(l => l.Interactive).ElementAt(loads.Count / 2);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"DASHBOARD\t{median.Interactive:0.0}\t{median.Load:0.0}\t{median.Markers:0.0}\t{median.Bytes:0}\t{median.Elements:0}"));
    }
}
