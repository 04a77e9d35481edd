using System.Collections;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.IntegrationTests.Features.Requests;
using CrisisCoord.IntegrationTests.Features.Warnings;
using CrisisCoord.IntegrationTests.Infrastructure;

namespace CrisisCoord.IntegrationTests.Features.Localization;

/// <summary>
/// The registry's pages (dashboard, organisations, requests, audit, public warnings) read in Chinese when the reader
/// asks for it, with none of their own English labels left over, and the cached public page keeps one copy per language.
/// </summary>
public sealed class RegistryPagesInChineseTests(CrisisCoordApp app) : AppTest(app)
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo(Languages.Chinese);

    /// <summary>A browser-like client of <paramref name="actor"/> that chose Chinese (the culture cookie, as the switcher writes it).</summary>
    private async Task<PageClient> InChineseAsync(Actor actor)
    {
        var pages = await PageClient.SignedInAsync(App, actor);
        pages.Cookies.Add(App.ClientOptions.BaseAddress, new Cookie(".AspNetCore.Culture", "c=zh-CN|uic=zh-CN"));
        return pages;
    }

    /// <summary>
    /// The English texts of the keys starting with <paramref name="prefix"/> (pieces between placeholders, of four
    /// letters or more, that differ from the Chinese) found as whole words in the element's text or its read-aloud
    /// attributes, after dropping the parts that hold what users typed (<paramref name="userText"/>).
    /// </summary>
    private static List<string> LeftoverEnglish(IElement scope, string prefix, params string[] userText)
    {
        foreach (var selector in userText)
        {
            foreach (var element in scope.QuerySelectorAll(selector).ToList())
            {
                element.Remove();
            }
        }

        var read = string.Join("\n", [
            scope.TextContent,
            .. scope.QuerySelectorAll("[aria-label],[title],[placeholder],[alt]")
                .SelectMany(e => new[] { "aria-label", "title", "placeholder", "alt" }.Select(e.GetAttribute).OfType<string>()),
        ]);
        var english = Texts.Resources.GetResourceSet(CultureInfo.InvariantCulture, true, true)!
            .Cast<DictionaryEntry>()
            .Where(entry => ((string)entry.Key).StartsWith(prefix, StringComparison.Ordinal)
                && (string?)entry.Value != Texts.Resources.GetString((string)entry.Key, Chinese));
        return
        [
            .. english
                .SelectMany(entry => Regex.Split((string)entry.Value!, @"\{\d\}").Select(piece => (Key: (string)entry.Key, Piece: piece.Trim(' ', '.', ':', ',', '(', ')', '«', '»'))))
                .Where(p => p.Piece.Count(char.IsAsciiLetter) >= 4
                    && Regex.IsMatch(read, $"(?<![A-Za-z]){Regex.Escape(p.Piece)}(?![A-Za-z])"))
                .Select(p => $"{p.Key}: {p.Piece}")
                .Distinct(),
        ];
    }

    [Fact]
    public async Task The_dashboard_reads_in_chinese()
    {
        var coordinator = await App.CreateAsync(Roles.Coordinator);
        var pages = await InChineseAsync(coordinator);

        var (response, page) = await pages.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.DocumentElement.GetAttribute("lang").ShouldBe("zh-CN");
        page.QuerySelector("h1")!.TextContent.ShouldBe("总览");
        page.QuerySelector("#open-incidents")!.TextContent.ShouldBe("未结束事件");
        page.QuerySelector("#escalations")!.TextContent.ShouldBe("需升级处置");
        page.QuerySelector("ul.tiles")!.GetAttribute("aria-label").ShouldBe("概览");
        LeftoverEnglish(page.QuerySelector("main")!, "Dashboard.", ".incident-title", ".organisation-name", "script").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_organisations_list_and_an_organisation_read_in_chinese_and_names_stay_as_typed()
    {
        var administrator = await App.CreateAsync(Roles.Administrator);
        var pages = await InChineseAsync(administrator);
        var hostile = await App.CreateAsync(Roles.AgencyStaff, CrisisCoord.Domain.Organisations.OrganisationKind.CivicGroup);
        await App.Database.ExecuteAsync($"UPDATE organisations SET name = '<b>Levee</b> watch {hostile.OrganisationId:N}' WHERE id = '{hostile.OrganisationId}'");

        var (_, list) = await pages.GetAsync($"/Organisations?q={hostile.OrganisationId:N}");
        var (_, details) = await pages.GetAsync($"/Organisations/{hostile.OrganisationId}");

        list.QuerySelector("h1")!.TextContent.ShouldBe("组织");
        list.QuerySelectorAll("table.organisations thead th").Select(th => th.TextContent).ShouldBe(["组织", "类型", "层级", "区域"]);
        list.QuerySelector("td[data-label='类型']")!.TextContent.ShouldBe("社会组织");
        list.QuerySelector("td[data-label='层级']")!.TextContent.ShouldBe("乡镇级");
        list.QuerySelector("a.organisation-name")!.TextContent.ShouldBe($"<b>Levee</b> watch {hostile.OrganisationId:N}");
        list.QuerySelector("a.organisation-name b").ShouldBeNull();
        LeftoverEnglish(list.QuerySelector("main")!, "Organisations.", ".organisation-name").ShouldBeEmpty();

        details.QuerySelector("#charter-heading")!.TextContent.ShouldBe("现行职责章程");
        details.QuerySelector("tr[data-item='Right.ClaimTasks'] th")!.TextContent.ShouldContain("认领任务");
        details.QuerySelector("tr[data-item='Right.ClaimTasks'] .source")!.TextContent.ShouldBe("默认");
        LeftoverEnglish(details.QuerySelector("main")!, "Organisations.", "h1", ".breadcrumb span", "#charter .hint", "ul.people").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_request_reads_in_chinese_and_explains_its_edxl_export_while_the_file_stays_english()
    {
        var scene = await RequestScene.CreateAsync(App);
        var request = await scene.RaiseAsync();
        var pages = await InChineseAsync(scene.Scene.Coordinator);

        var (response, page) = await pages.GetAsync($"/Requests/{request}");
        var edxl = await pages.Http.GetStringAsync($"/Requests/{request}?handler=Edxl");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("#answers-heading")!.TextContent.ShouldBe("答复");
        page.QuerySelector("a[href$='handler=Edxl']")!.TextContent.ShouldBe("下载为 EDXL-RM（XML）");
        page.QuerySelector("#edxl-note")!.TextContent.ShouldContain("元素名称保持英文");
        page.QuerySelector(".cover")!.TextContent.ShouldStartWith("已承诺：");
        LeftoverEnglish(page.QuerySelector("main")!, "Requests.", "h1", ".breadcrumb a", ".organisation-name", "dd", "#answer-heading ~ form").ShouldBeEmpty();
        edxl.ShouldContain("urn:oasis:names:tc:emergency:EDXL:RM:1.0");
        edxl.ShouldNotContain("请求");

        var (_, list) = await pages.GetAsync("/Requests");
        list.QuerySelector("h1")!.TextContent.ShouldBe("资源请求");
        LeftoverEnglish(list.QuerySelector("main")!, "Requests.", ".organisation-name", "td[data-label='事件'] a").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_audit_timeline_reads_in_chinese_and_explains_its_csv_whose_headers_stay_english()
    {
        var auditor = await App.CreateAsync(Roles.Auditor);
        var pages = await InChineseAsync(auditor);

        var (response, page) = await pages.GetAsync("/Audit?chain=registry");
        var csv = await pages.Http.GetStringAsync("/Audit?handler=Csv&chain=registry");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("h1")!.TextContent.ShouldBe("时间线");
        page.QuerySelector("#csv-note")!.TextContent.ShouldContain("列名保持英文");
        page.QuerySelector("label[for=action]")!.TextContent.ShouldBe("操作");
        page.QuerySelector("#chain option[value=registry]")!.TextContent.ShouldBe("登记册：组织、人员、职责章程、资源");
        LeftoverEnglish(page.QuerySelector("main")!, "Audit.", "ol.timeline", "#chain option:not([value=registry]):not([value=''])", "#organisation option").ShouldBeEmpty();
        csv.ShouldContain("occurred_at_utc,chain,chain_title,");

        var (_, chains) = await pages.GetAsync("/Audit/Chains");
        chains.QuerySelector("h1")!.TextContent.ShouldBe("哈希链");
        LeftoverEnglish(chains.QuerySelector("main")!, "Audit.", "td[data-label='链'] a:not([href='/Audit?chain=registry'])").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_public_warnings_page_is_cached_once_per_language_and_offers_the_switcher()
    {
        var scene = await WarningScene.CreateAsync(App);
        await scene.PublishAsync(App, scene.Body(App.Clock.GetUtcNow(), "Levee & \"Dongshan\" flood"));
        var english = new PageClient(App);
        var byHeader = new PageClient(App);
        byHeader.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");
        var byCookie = new PageClient(App);
        byCookie.Cookies.Add(App.ClientOptions.BaseAddress, new Cookie(".AspNetCore.Culture", "c=zh-CN|uic=zh-CN"));

        // English first, so an English copy is in the cache when the Chinese readers come.
        var (_, first) = await english.GetAsync("/warnings");
        var (_, chineseByHeader) = await byHeader.GetAsync("/warnings");
        var (_, chineseByCookie) = await byCookie.GetAsync("/warnings");
        var (_, englishAgain) = await english.GetAsync("/warnings");
        var raw = await byHeader.Http.GetStringAsync("/warnings");

        (first.DocumentElement.GetAttribute("lang"), first.QuerySelector("h1")!.TextContent).ShouldBe(("en", "Public warnings"));
        (chineseByHeader.DocumentElement.GetAttribute("lang"), chineseByHeader.QuerySelector("h1")!.TextContent).ShouldBe(("zh-CN", "公众预警"));
        chineseByHeader.QuerySelector("footer")!.TextContent.Trim().ShouldBe("CrisisCoord —— 公众预警。时间按您所在的时区显示。");
        (chineseByCookie.DocumentElement.GetAttribute("lang"), chineseByCookie.QuerySelector("h1")!.TextContent).ShouldBe(("zh-CN", "公众预警"));
        (englishAgain.DocumentElement.GetAttribute("lang"), englishAgain.QuerySelector("h1")!.TextContent).ShouldBe(("en", "Public warnings"));
        chineseByHeader.QuerySelectorAll(".public-warning h2").Select(h => h.TextContent).ShouldContain("Levee & \"Dongshan\" flood");
        raw.ShouldContain("Levee &amp; &quot;Dongshan&quot; flood");
        LeftoverEnglish(chineseByCookie.QuerySelector("body")!, "Warnings.Public.", ".public-warning h2", ".warning-instruction", ".public-warning > p:not(.warning-kicker):not(.warning-instruction)", "dd", "script").ShouldBeEmpty();

        // The switcher of a cached page carries no one's antiforgery token: it asks for the language and comes back.
        var switcher = chineseByCookie.QuerySelector("form.language-switch")!;
        switcher.GetAttribute("method").ShouldBe("get");
        switcher.QuerySelector("input[name=__RequestVerificationToken]").ShouldBeNull();
        var reader = new PageClient(App);
        var switched = await reader.Http.GetAsync("/language?culture=zh-CN&returnUrl=%2Fwarnings");
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        switched.Headers.Location!.OriginalString.ShouldBe("/warnings");
        (await reader.GetAsync("/warnings")).Document.QuerySelector("h1")!.TextContent.ShouldBe("公众预警");
        (await reader.Http.GetAsync("/language?culture=en&returnUrl=https%3A%2F%2Fevil.example%2F")).Headers.Location!.OriginalString.ShouldBe("/");
        (await reader.GetAsync("/warnings")).Document.QuerySelector("h1")!.TextContent.ShouldBe("Public warnings");
        (await reader.Http.GetAsync("/language?culture=fr-FR&returnUrl=%2Fwarnings")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
