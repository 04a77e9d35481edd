using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Requests;
using CrisisCoord.Domain.Warnings;

namespace CrisisCoord.UnitTests.Localization;

/// <summary>
/// What the domain and the rules say (<see cref="Phrase"/>, ADR 0037) names texts that exist, with the same English,
/// and reads in Chinese for a Chinese reader.
/// </summary>
public sealed partial class PhraseTests
{
    private static Dictionary<string, string> English() =>
        Texts.Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string ?? "");

    private static IEnumerable<(string File, string Text)> Sources()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CrisisCoord.sln")))
        {
            root = root.Parent;
        }

        root.ShouldNotBeNull("CrisisCoord.sln not found above the test binaries");
        return Directory.EnumerateFiles(Path.Combine(root.FullName, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (f, File.ReadAllText(f)));
    }

    [Fact]
    public void Every_phrase_written_in_the_code_names_a_text_with_the_same_english()
    {
        var english = English();
        var found = 0;
        foreach (var (file, text) in Sources())
        {
            foreach (Match m in PhraseLiteral().Matches(text))
            {
                found++;
                var key = m.Groups["key"].Value;
                english.ContainsKey(key).ShouldBeTrue($"{Path.GetFileName(file)} names the missing text {key}");
                english[key].ShouldBe(Regex.Unescape(m.Groups["english"].Value), $"{Path.GetFileName(file)}: the English of {key} differs from the resource file");
            }

            foreach (Match m in KeyLiteral().Matches(text))
            {
                english.ContainsKey(m.Groups["key"].Value).ShouldBeTrue($"{Path.GetFileName(file)} names the missing text {m.Groups["key"].Value}");
            }
        }

        // The scan itself must see the phrases, or it proves nothing.
        found.ShouldBeGreaterThan(80);
    }

    [Fact]
    public void Every_named_value_a_phrase_can_carry_has_a_name()
    {
        var english = English();
        Enum[] terms =
        [
            .. Enum.GetValues<IncidentState>().Cast<Enum>(), .. Enum.GetValues<TaskState>().Cast<Enum>(),
            .. Enum.GetValues<WarningState>().Cast<Enum>(), .. Enum.GetValues<ObjectiveStatus>().Cast<Enum>(),
            .. Enum.GetValues<CommitmentState>().Cast<Enum>(), .. Enum.GetValues<MembershipStatus>().Cast<Enum>(),
            .. Enum.GetValues<Severity>().Cast<Enum>(), .. Enum.GetValues<AdministrativeLevel>().Cast<Enum>(),
            .. Enum.GetValues<Right>().Cast<Enum>(), .. PhasesExtensions.Each.Cast<Enum>(),
        ];
        terms.Select(Phrases.KeyOf).Where(k => !english.ContainsKey(k)).ShouldBeEmpty("named values without a text");

        string[] roles = [Roles.Administrator, Roles.Coordinator, Roles.AgencyStaff, Roles.ResourceManager, Roles.Auditor, Roles.Citizen];
        roles.Select(r => "Denied.Role." + r).Where(k => !english.ContainsKey(k)).ShouldBeEmpty("roles without a name");

        // Every kind of record a 404 can name has its own word, not the fallback "record".
        Enum.GetValues<SubjectKind>().Where(k => k is not (SubjectKind.Public or SubjectKind.Self or SubjectKind.Registry))
            .Select(k => Subjects.Name(k)).Where(n => Phrases.NounKey(new Noun(n)) == "NotFound.Entity.Record")
            .ShouldBeEmpty("kinds of record without a name");
        foreach (var (file, text) in Sources())
        {
            foreach (Match m in NotFoundLiteral().Matches(text))
            {
                Phrases.NounKey(new Noun(m.Groups["noun"].Value)).ShouldNotBe("NotFound.Entity.Record", $"{Path.GetFileName(file)}: '{m.Groups["noun"].Value}' has no name");
            }
        }
    }

    [Fact]
    public void A_rule_reads_in_the_readers_language_and_english_is_the_message()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            var refusal = Should.Throw<DomainRuleException>(() => TaskState.Done.WhyNot(TaskMove.Start) is { } why ? throw new DomainRuleException(why) : 0);

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Languages.English);
            refusal.Say().ShouldBe("The task is Done; this needs it to be Accepted.");
            refusal.Say().ShouldBe(refusal.Message);
            new NotFoundException("Resource request", "abc").Say().ShouldBe("Resource request 'abc' was not found.");

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Languages.Chinese);
            refusal.Say().ShouldBe("该任务处于“已完成”状态；此操作要求其处于“已接受”状态。");
            refusal.Message.ShouldBe("The task is Done; this needs it to be Accepted.");
            new NotFoundException("Resource request", "abc").Say().ShouldBe("未找到资源申请“abc”。");
            new DomainRuleException(IncidentState.Closed.WhyNotOpen()!).Say().ShouldBe("该事件处于“已结束”状态，不能再作任何更改。");
            TaskState.Open.WhyNot(TaskMove.Start)!.Say().ShouldBe("该任务处于“待认领”状态；此操作要求其处于“已接受”状态。");
            TaskState.InProgress.WhyNot(TaskMove.Assign)!.Say().ShouldBe("该任务处于“进行中”状态；此操作要求其处于“待认领、已指派或已拒绝”状态。");
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    // new("Rule.X", "English" or new Phrase("Rule.X", "English": the key and its English side by side.
    [GeneratedRegex("""new(?: Phrase)?\(\s*"(?<key>(?:Rule|Denied|NotFound|Notification|Obligation|Balance|Timeline|Charters)\.[A-Za-z.]+)",\s*"(?<english>(?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex PhraseLiteral();

    // Any whole key written in the code (a prefix that is completed at run time ends in a dot and is not matched).
    [GeneratedRegex("""(?<![\w.])"(?<key>(?:Rule|Denied|NotFound|Notification|Mail)\.[A-Za-z]+(?:\.[A-Za-z]+)*)"(?!\s*\+)""")]
    private static partial Regex KeyLiteral();

    [GeneratedRegex("""new NotFoundException\("(?<noun>[^"]+)",""")]
    private static partial Regex NotFoundLiteral();
}
