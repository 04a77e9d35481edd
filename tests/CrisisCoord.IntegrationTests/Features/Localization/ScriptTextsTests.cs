using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CrisisCoord.IntegrationTests.Infrastructure;

namespace CrisisCoord.IntegrationTests.Features.Localization;

/// <summary>
/// The texts scripts show (status bars, map notes) come from a JSON island both layouts write before the scripts, in
/// the reader's language, and nothing in it can close the script element it sits in.
/// </summary>
public sealed partial class ScriptTextsTests(CrisisCoordApp app) : AppTest(app)
{
    [GeneratedRegex(@"<script type=""application/json"" id=""script-texts"">(?<json>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex Island();

    private async Task<string> RawAsync(string url, string language)
    {
        var pages = new PageClient(App);
        pages.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await pages.Http.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData("/Account/SignIn")]
    [InlineData("/warnings")]
    public async Task Both_layouts_give_the_scripts_their_texts_in_chinese_as_valid_json_before_the_scripts(string url)
    {
        var html = await RawAsync(url, "zh-CN,zh;q=0.9");

        var islands = Island().Matches(html);
        islands.Count.ShouldBe(1, "the texts are written once per page");
        var raw = islands[0].Groups["json"].Value;
        raw.ShouldNotContain("<");
        raw.ShouldNotContain(">");
        raw.ShouldNotContain("&");

        using var texts = JsonDocument.Parse(raw);
        texts.RootElement.GetProperty("Script.Live.Reconnecting").GetString().ShouldBe("正在重新连接……连接恢复后，其他地方所做的更改将显示在此处。");
        texts.RootElement.GetProperty("Script.Map.Incidents").GetString().ShouldBe("当前视图中有 {0} 起未结事件。");
        texts.RootElement.GetProperty("Script.Report.Locating").GetString().ShouldBe("正在确定您的位置……");
        foreach (var text in texts.RootElement.EnumerateObject())
        {
            text.Value.GetString().ShouldNotBe(text.Name, "every key the scripts ask for has a text");
            text.Value.GetString()!.ShouldMatch(@"\p{IsCJKUnifiedIdeographs}", $"{text.Name} is not in Chinese");
        }

        // Read by site.js, which the other scripts use, so the island comes first; keep-form.js follows site.js.
        var page = new HtmlParser().ParseDocument(html);
        var order = page.QuerySelectorAll("script#script-texts, script[src]")
            .Select(s => s.Id == "script-texts" ? "texts" : s.GetAttribute("src")!.Split('?')[0]).ToList();
        order.IndexOf("texts").ShouldBeLessThan(order.IndexOf("/js/site.js"));
        order.IndexOf("/js/keep-form.js").ShouldBe(order.IndexOf("/js/site.js") + 1);
    }

    [Fact]
    public async Task An_english_reader_gets_the_english_texts()
    {
        var html = await RawAsync("/Account/SignIn", "en");

        using var texts = JsonDocument.Parse(Island().Match(html).Groups["json"].Value);
        texts.RootElement.GetProperty("Script.Map.NoIncident").GetString().ShouldBe("No open incident in this view.");
        texts.RootElement.GetProperty("Script.CheckIns.Handled").GetString().ShouldBe("Being handled");
    }
}
