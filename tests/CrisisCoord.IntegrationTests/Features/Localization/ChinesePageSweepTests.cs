using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisCoord.IntegrationTests.Features.Localization;

/// <summary>
/// Every page, in zh-CN, as each demo person (and as nobody) finds it by following links from where they start, on the
/// demo scenario as ./run.sh seeds it (issue 16): no English word may show, read aloud or hint outside a short list of
/// codes. Text marked <c>translate="no"</c> (e-mail addresses, hashes, stored payloads, codes) is not language, and is
/// skipped as the HTML standard means it. Every page the portal serves must be reached by someone.
/// </summary>
public sealed partial class ChinesePageSweepTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new("sweep");

    public Task InitializeAsync() => _database.StartAsync(migrate: false);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>Words that are the same in every language: the product, codes and units.</summary>
    private static readonly HashSet<string> AllowedWords = new(StringComparer.Ordinal)
    {
        "CrisisCoord", "English", "CAP", "CSV", "API", "UTC", "EDXL", "RM", "JSON", "XML", "ID", "URL", "IANA", "GeoJSON",
        "II", "III", "IV", "km", "cm", "kg", "CDC", "OpenStreetMap", "Leaflet", "SHA", "ECDSA", "PEM", "TOTP", "QR", "OpenAPI",
        "CNY", "jpg", "png", "Bearer", "Atom", "OASIS", "HHI", "JPEG", "PNG", "WebP", "MB", "UTF",
    };

    /// <summary>Where each demo person starts: the page the portal sends them to after signing in.</summary>
    private static readonly string[] DemoPeople =
    [
        "admin@qinghe.demo", "coordinator@qinghe.demo", "staff@qinghe.demo", "resources@qinghe.demo",
        "auditor@qinghe.demo", "citizen@qinghe.demo", "organiser@qinghe.demo", "resident@qinghe.demo",
    ];

    /// <summary>Pages nobody reaches by a link, opened directly by someone who may see them.</summary>
    private static readonly string[] OpenedDirectly =
    [
        "/Account/SignIn", "/Account/Register", "/Account/ForgotPassword", "/Account/ResetPassword", "/Account/CheckEmail",
        "/Account/ConfirmEmail", "/Account/AccessDenied", "/Account/TwoFactor", "/Error", "/warnings",
    ];

    /// <summary>Pages with nothing to read: signing out only posts, and a photo is a picture.</summary>
    private static readonly HashSet<string> NotRead = ["/Account/SignOut", "/Reports/Photo"];

    /// <summary>Links that are not pages to read: they sign out, switch language, or download files.</summary>
    [GeneratedRegex(@"^/(api/|Account/SignOut|language|health|Reports/Photo|.*\.(csv|xml|json|png|jpg|pdf)($|\?)|.*[?&]handler=(Csv|Export|Download|Cap))", RegexOptions.IgnoreCase)]
    private static partial Regex NotAPage();

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Id();

    /// <summary>What is not language in running text: addresses, zone names, hashes, tokens with digits.</summary>
    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\S+@\S+|https?://\S+|\b[A-Za-z_]+/[A-Za-z_]+(/[A-Za-z_]+)?\b|[\w.-]*\d[\w.-]*")]
    private static partial Regex NotWords();

    /// <summary>A number, or a code with digits in it (an identifier, "M6.1"): one "#" where a finding is reported.</summary>
    [GeneratedRegex(@"[\w.-]*\d[\w.-]*")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    private sealed record Finding(string Who, string Url, string Word, string Where);

    [GeneratedRegex(@"[A-Za-z]{2,}")]
    private static partial Regex EnglishWord();

    [Fact]
    public async Task A_chinese_reader_meets_no_english_word_on_any_page_as_any_demo_person()
    {
        await using var app = Start();
        (await app.CreateClient().GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var found = new List<Finding>();
        var reached = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var person in DemoPeople.Prepend(null))
        {
            var client = await ClientAsync(app, person);
            var start = person is null ? OpenedDirectly : ["/", .. OpenedDirectly.Where(p => p is "/Error" or "/Account/AccessDenied")];
            await CrawlAsync(client, person ?? "anonymous", start, found, reached);
        }

        // Every English word met, with who met it where: none is allowed.
        var english = found.Select(f => $"{f.Who} {f.Url} “{f.Word}” in {f.Where}").Distinct().ToList();
        if (Environment.GetEnvironmentVariable("CRISISCOORD_TEST_ARTIFACTS") is { Length: > 0 } artifacts)
        {
            Directory.CreateDirectory(artifacts);
            await File.WriteAllLinesAsync(Path.Combine(artifacts, "english-in-chinese-pages.txt"), english);
        }

        // A page by its file; an index page answers at its folder's address too.
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .GroupBy(e => e.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath, e => e.RoutePattern.RawText ?? "")
            .Where(page => !NotRead.Contains(page.Key))
            .ToList();
        var unreached = pages.Where(page => !page.Any(pattern => reached.Any(path => Template(pattern).IsMatch(path)))).Select(page => page.Key).Order().ToList();
        english.Take(60).ShouldBeEmpty($"{english.Count} English words in zh-CN pages (who, page, word, where)");
        unreached.ShouldBeEmpty("pages no demo person reached by a link, so their Chinese was never read");
    }

    private static Regex Template(string pattern) =>
        new("^/" + Regex.Replace(Regex.Escape(pattern.TrimStart('/')), @"\\\{[^/]*?}", "[^/]+") + "/?$", RegexOptions.IgnoreCase);

    private static async Task CrawlAsync(HttpClient client, string who, IEnumerable<string> start, List<Finding> found, HashSet<string> reached)
    {
        var queue = new Queue<string>(start);
        var seenShapes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var parser = new HtmlParser();
        while (queue.TryDequeue(out var url) && seen.Count < 400)
        {
            // Four of each kind of page are enough: the fifth incident's page says what the first four did.
            var shape = Id().Replace(url.Split('#')[0], "{id}");
            if (!seen.Add(url) || seenShapes.GetValueOrDefault(shape) >= 4)
            {
                continue;
            }

            seenShapes[shape] = seenShapes.GetValueOrDefault(shape) + 1;
            using var response = await client.GetAsync(url);
            // A refusal page (403) is read too: it is in the reader's language like any other.
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Forbidden or HttpStatusCode.NotFound) || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var path = url.Split('?', '#')[0];
            reached.Add(path);
            var page = await parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            var links = page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
            found.AddRange(EnglishIn(page).Select(w => new Finding(who, url, w.Word, w.Where)));
            foreach (var link in links)
            {
                if (link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !NotAPage().IsMatch(link))
                {
                    queue.Enqueue(link.Split('#')[0]);
                }
            }
        }
    }

    /// <summary>English words a reader sees or hears: text, titles, placeholders, labels read aloud, alternatives, buttons.</summary>
    private static IEnumerable<(string Word, string Where)> EnglishIn(IDocument page)
    {
        foreach (var skipped in page.QuerySelectorAll("script, style, template, noscript, pre, code, [translate=no]").ToList())
        {
            skipped.Remove();
        }

        var texts = page.Body!.Descendants<IText>().Select(t => (t.Data, t.ParentElement?.LocalName ?? ""))
            .Append((page.Title ?? "", "title"))
            .Concat(page.QuerySelectorAll("[title], [placeholder], [aria-label], [alt], input[type=submit][value], input[type=button][value]")
                .SelectMany(e => new[] { "title", "placeholder", "aria-label", "alt", "value" }
                    .Where(a => e.HasAttribute(a) && (a != "value" || e.LocalName == "input"))
                    .Select(a => (e.GetAttribute(a)!, $"{e.LocalName}@{a}"))));
        foreach (var (text, where) in texts)
        {
            foreach (Match word in EnglishWord().Matches(NotWords().Replace(text, " ")))
            {
                if (!AllowedWords.Contains(word.Value))
                {
                    var said = Digits().Replace(Space().Replace(Id().Replace(text.Trim(), "{id}"), " "), "#");
                    yield return (word.Value, $"{where}: {said[..Math.Min(100, said.Length)]}");
                }
            }
        }
    }

    private static async Task<HttpClient> ClientAsync(WebApplicationFactory<Program> app, string? email)
    {
        var cookies = new CookieContainer();
        var client = app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        if (email is null)
        {
            return client;
        }

        var signIn = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/Account/SignIn"));
        var token = signIn.QuerySelector("form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var response = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = Web.Infrastructure.DemoDataSeeder.DemoPassword,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{email} signs in");
        return client;
    }

    private WebApplicationFactory<Program> Start() => DemoPortal.Start(_database);
}
