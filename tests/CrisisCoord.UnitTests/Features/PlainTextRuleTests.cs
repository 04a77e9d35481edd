using CrisisCoord.Application.Common;
using FluentValidation;

namespace CrisisCoord.UnitTests.Features;

public sealed class PlainTextRuleTests
{
    private sealed record Note(string? Text);

    private sealed class NoteValidator : AbstractValidator<Note>
    {
        public NoteValidator() => RuleFor(x => x.Text).PlainText();
    }

    [Fact]
    public void Refuses_exactly_the_control_characters_but_line_breaks_and_tabs_anywhere_in_the_text()
    {
        var validator = new NoteValidator();
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            var refused = !validator.Validate(new Note($"Levee {c} km 12")).IsValid;
            refused.ShouldBe(char.IsControl(c) && c is not ('\n' or '\r' or '\t'), $"U+{(int)c:X4}");
        }
    }

    [Fact]
    public void Says_what_is_wrong_and_lets_empty_text_through_to_the_rules_that_decide_it()
    {
        var validator = new NoteValidator();

        validator.Validate(new Note("Water\0over the levee")).Errors.Single().ErrorMessage
            .ShouldBe("Text contains control characters that cannot be stored. Remove them and try again.");
        validator.Validate(new Note(null)).IsValid.ShouldBeTrue();
        validator.Validate(new Note("")).IsValid.ShouldBeTrue();
        validator.Validate(new Note("Two lines\r\nand a\ttab")).IsValid.ShouldBeTrue();
    }
}
