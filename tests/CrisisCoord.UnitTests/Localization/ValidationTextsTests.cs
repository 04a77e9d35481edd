using System.Collections;
using System.Globalization;
using System.Reflection;
using CrisisCoord.Application.Features.Audit;
using CrisisCoord.Application.Features.Dashboard;
using CrisisCoord.Application.Localization;
using FluentValidation;

namespace CrisisCoord.UnitTests.Localization;

/// <summary>Validation messages, and the field names FluentValidation's own messages quote, in the reader's language (ADR 0036).</summary>
public sealed class ValidationTextsTests
{
    private sealed record Sample(string? Description);

    private sealed class SampleValidator : AbstractValidator<Sample>
    {
        public SampleValidator() => RuleFor(x => x.Description).MaximumLength(3);
    }

    private static string Message<T>(IValidator<T> validator, T value, string property) =>
        validator.Validate(value).Errors.First(e => e.PropertyName == property).ErrorMessage;

    /// <summary>How FluentValidation names a property it has no name for (internal to it, so reached by reflection).</summary>
    private static string SplitPascalCase(string name) =>
        (string)typeof(AbstractValidator<>).Assembly.GetTypes()
            .Select(t => t.GetMethod("SplitPascalCase", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic, [typeof(string)]))
            .First(m => m is not null)!
            .Invoke(null, [name])!;

    [Fact]
    public void English_field_names_are_fluentvalidations_own_so_english_messages_read_as_before()
    {
        var english = Texts.Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .Where(e => ((string)e.Key).StartsWith(ValidationTexts.FieldPrefix, StringComparison.Ordinal))
            .ToList();

        english.Count.ShouldBeGreaterThan(100);
        english.Where(e => (string)e.Value! != SplitPascalCase(((string)e.Key)[ValidationTexts.FieldPrefix.Length..]))
            .Select(e => $"{e.Key} = {e.Value}")
            .ShouldBeEmpty();
    }

    [Fact]
    public void A_default_message_names_the_field_in_the_readers_language()
    {
        ValidationTexts.NameFieldsInReadersLanguage();
        var validator = new SampleValidator();
        var tooLong = new Sample("four");

        Culture.In("zh-CN", () => Message(validator, tooLong, "Description")).ShouldBe("'描述' 必须小于或等于3个字符。您输入了4个字符。");
        Culture.In("en", () => Message(validator, tooLong, "Description")).ShouldBe("The length of 'Description' must be 3 characters or fewer. You entered 4 characters.");
    }

    [Fact]
    public void A_validators_own_messages_are_written_when_read_so_one_validator_serves_both_languages()
    {
        // Built once, as the singleton validators are; the language comes with each validation.
        var validator = new GetIncidentMapQueryValidator();
        var query = new GetIncidentMapQuery { South = 30, East = 115, North = 31, Zoom = 30 };

        Culture.In("zh-CN", () => Message(validator, query, "West")).ShouldBe("请给出视图的西边界（west），以经度表示。");
        Culture.In("zh-CN", () => Message(validator, query, "Zoom")).ShouldBe("缩放级别必须在 0 到 18 之间（收到的是 30）。");
        Culture.In("en", () => Message(validator, query, "West")).ShouldBe("Give the view's west edge (west), in degrees of longitude.");
        Culture.In("en", () => Message(validator, query, "Zoom")).ShouldBe("The zoom level must be between 0 and 18 (got 30).");
    }

    [Fact]
    public void Every_action_the_timeline_can_hold_has_words_in_every_language()
    {
        foreach (var (culture, _) in Languages.Supported)
        {
            var set = Texts.Resources.GetResourceSet(
                culture == Languages.Default ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!;
            TimelineEvents.KnownActions.Where(a => set.GetString("Display.Action." + a) is null).ShouldBeEmpty($"actions without words in {culture}");
        }
    }
}
