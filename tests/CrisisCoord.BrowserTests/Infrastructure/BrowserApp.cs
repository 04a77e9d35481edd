using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CrisisCoord.BrowserTests.Infrastructure;

/// <summary>
/// The real app on Kestrel (a real socket on 127.0.0.1) and the system's Chromium driven by
/// Playwright. The browser is the distribution's: Playwright never downloads one here.
/// </summary>
public sealed class BrowserApp : CrisisCoordApp
{
    private IPlaywright? _playwright;

    public BrowserApp()
        : base("browser")
    {
    }

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public static string ArtifactsDirectory =>
        Environment.GetEnvironmentVariable("CRISISCOORD_TEST_ARTIFACTS")
        ?? Path.Combine(AppContext.BaseDirectory, "artifacts");

    /// <summary>
    /// As in production, the app sits behind a TLS-terminating proxy: requests arrive over plain HTTP from a
    /// trusted proxy address that says they were HTTPS. The browser plays the proxy too (it sends
    /// X-Forwarded-Proto and treats this origin as secure), so the app's Secure, __Host- cookies work unchanged.
    /// </summary>
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ForwardedHeaders:KnownProxies:0", "127.0.0.1");
        builder.UseSetting("ForwardedHeaders:KnownProxies:1", "::1");
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(port: 0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                // Outside Development the app's cookies are Secure and __Host- prefixed; the test server speaks
                // plain HTTP on loopback, so Chromium is told to treat this one origin as the HTTPS it stands for.
                $"--unsafely-treat-insecure-origin-as-secure={BaseUrl}",
            ],
        });
    }

    /// <summary>A page in a fresh context; <paramref name="locale"/> is what the browser asks for (Accept-Language) and <paramref name="timeZone"/> its clock.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, string locale = "en-GB", string timeZone = "UTC")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            TimezoneId = timeZone,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https" },
        });
        return await context.NewPageAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ArtifactsDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(ArtifactsDirectory, $"{name}.png"),
            FullPage = true,
        });
    }

    /// <summary>Fails if the page at <paramref name="url"/> scrolls sideways, naming the elements that stick out.</summary>
    public static async Task AssertFitsWidthAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        var culprits = await page.EvaluateAsync<string>(@"() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 5).map(e => e.tagName + '.' + e.className + ' w=' + Math.round(e.getBoundingClientRect().width)).join(' | ')");
        overflow.ShouldBeLessThanOrEqualTo(0, $"{url} scrolls sideways by {overflow}px at {page.ViewportSize?.Width}px: {culprits}");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Browser?.CloseAsync().GetAwaiter().GetResult();
            _playwright?.Dispose();
        }

        base.Dispose(disposing);
    }

    private static string ChromiumPath()
    {
        var configured = Environment.GetEnvironmentVariable("CRISISCOORD_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "chromium"))
            .FirstOrDefault(File.Exists);
        return onPath ?? throw new InvalidOperationException(
            "Chromium was not found. Install the distribution's 'chromium' package (./test.sh does) or set CRISISCOORD_CHROMIUM.");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}

/// <summary>Base for browser tests: an empty database and a fresh browser context per test.</summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserApp app) : IAsyncLifetime
{
    protected BrowserApp App { get; } = app;

    protected IPage Page { get; private set; } = null!;

    protected Actor Me { get; private set; } = null!;

    /// <summary>The role the test's person holds; each test starts signed in as them.</summary>
    protected virtual string Role => Roles.AgencyStaff;

    protected virtual OrganisationKind Kind => OrganisationKind.Government;

    public virtual async Task InitializeAsync()
    {
        await App.ResetAsync();
        Me = await App.CreateAsync(Role, Kind);
        Page = await App.NewPageAsync();
        await SignInAsync(Page, Me);
    }

    protected static async Task SignInAsync(IPage page, Actor actor)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("E-mail address").FillAsync(actor.Email);
        await page.GetByLabel("Password").FillAsync(actor.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/SignIn"));
    }

    public async Task DisposeAsync() => await Page.Context.CloseAsync();
}
