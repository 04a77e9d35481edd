using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Incidents;

namespace CrisisCoord.UnitTests.Localization;

/// <summary>Every text exists, and says something, in every language the portal offers (ADR 0036).</summary>
public sealed partial class TextsTests
{
    private static Dictionary<string, string> Entries(string culture)
    {
        // Only this culture's own file: a key missing in zh-CN must not be hidden by the English fallback.
        var set = Texts.Resources.GetResourceSet(
            culture == Languages.Default ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture),
            createIfNotExists: true, tryParents: false);
        set.ShouldNotBeNull($"no resources for {culture}");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string ?? "");
    }

    public static TheoryData<string> OtherLanguages() => [.. Languages.Supported.Select(l => l.Culture).Where(c => c != Languages.Default)];

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Every_key_is_in_both_languages(string culture)
    {
        var english = Entries(Languages.Default);
        var other = Entries(culture);

        english.Keys.Except(other.Keys).Order().ShouldBeEmpty($"keys missing in {culture}");
        other.Keys.Except(english.Keys).Order().ShouldBeEmpty($"keys in {culture} but not in English");
    }

    [Fact]
    public void No_text_is_empty()
    {
        foreach (var (culture, _) in Languages.Supported)
        {
            Entries(culture).Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key).ShouldBeEmpty($"empty texts in {culture}");
        }
    }

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Placeholders_match_between_languages(string culture)
    {
        var english = Entries(Languages.Default);
        var other = Entries(culture);
        var mismatched = english.Keys.Intersect(other.Keys)
            .Where(k => !Placeholders(english[k]).SetEquals(Placeholders(other[k])))
            .ToList();

        mismatched.ShouldBeEmpty($"texts whose {{0}}-style placeholders differ in {culture}");
    }

    [Fact]
    public void Every_domain_term_has_a_name_in_every_language()
    {
        string[] keys =
        [
            .. PhasesExtensions.Each.Select(Texts.KeyOf),
            .. Enum.GetValues<Severity>().Select(Texts.KeyOf),
            .. Enum.GetValues<IncidentCategory>().Select(Texts.KeyOf),
            .. Enum.GetValues<IncidentState>().Select(Texts.KeyOf),
            .. Enum.GetValues<IncidentState>().Select(s => "IncidentStateMeaning." + s),
            .. Enum.GetValues<TaskState>().Select(Texts.KeyOf),
            .. Enum.GetValues<Right>().Select(Texts.KeyOf),
            .. Enum.GetValues<Obligation>().Select(Texts.KeyOf),
        ];

        foreach (var (culture, _) in Languages.Supported)
        {
            var entries = Entries(culture);
            keys.Where(k => !entries.ContainsKey(k)).ShouldBeEmpty($"domain terms without a name in {culture}");
        }
    }

    [Fact]
    public void Reads_in_the_current_ui_culture()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Languages.Chinese);
            Texts.Name(Severity.I).ShouldBe("特别重大");
            Texts.Name(Phases.Response).ShouldBe("响应");

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Languages.English);
            Texts.Name(Severity.I).ShouldBe("Especially major");
            Texts.Name(Phases.Response).ShouldBe("Response");
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
