using System.Buffers.Text;
using System.Text;
using CrisisCoord.Application.Features.Incidents;
using FluentValidation.TestHelper;

namespace CrisisCoord.UnitTests.Features.Incidents;

public sealed class ListIncidentsQueryValidatorTests
{
    private const string CursorMessage =
        "The cursor is not valid. Pass the nextCursor value of the previous page unchanged.";

    private readonly ListIncidentsQueryValidator _validator = new();

    [Fact]
    public void An_empty_query_passes()
    {
        var result = _validator.TestValidate(new ListIncidentsQuery());

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void A_query_with_every_filter_set_passes()
    {
        var query = new ListIncidentsQuery
        {
            Category = "PublicHealth",
            Severity = "III",
            State = "Response",
            Limit = 10,
            After = new IncidentCursor(DateTimeOffset.UnixEpoch, Guid.NewGuid()).Encode(),
        };

        var result = _validator.TestValidate(query);

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    public void Rejects_a_limit_outside_1_to_100(int limit)
    {
        var result = _validator.TestValidate(new ListIncidentsQuery { Limit = limit });

        result.ShouldHaveValidationErrorFor(x => x.Limit).WithErrorMessage("Limit must be between 1 and 100.");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public void Accepts_a_limit_on_the_boundaries(int limit)
    {
        var result = _validator.TestValidate(new ListIncidentsQuery { Limit = limit });

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Rejects_an_unknown_category_and_lists_the_allowed_names()
    {
        var result = _validator.TestValidate(new ListIncidentsQuery { Category = "Flood" });

        result.ShouldHaveValidationErrorFor(x => x.Category).WithErrorMessage(
            "'Flood' is not valid. Use one of: NaturalDisaster, AccidentDisaster, PublicHealth, SocialSecurity.");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("99")]
    public void Rejects_a_numeric_category(string category)
    {
        var result = _validator.TestValidate(new ListIncidentsQuery { Category = category });

        result.ShouldHaveValidationErrorFor(x => x.Category);
    }

    [Theory]
    [InlineData("NaturalDisaster")]
    [InlineData("naturaldisaster")]
    [InlineData("SOCIALSECURITY")]
    public void Accepts_a_category_name_in_any_case(string category)
    {
        var result = _validator.TestValidate(new ListIncidentsQuery { Category = category });

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("V")]
    [InlineData("1")]
    [InlineData("Extreme")]
    public void Rejects_an_unknown_severity(string severity)
    {
        var result = _validator.TestValidate(new ListIncidentsQuery { Severity = severity });

        result.ShouldHaveValidationErrorFor(x => x.Severity)
            .WithErrorMessage($"'{severity}' is not valid. Use one of: I, II, III, IV.");
    }

    [Theory]
    [InlineData("I")]
    [InlineData("iv")]
    public void Accepts_a_severity_grade(string severity)
    {
        var result = _validator.TestValidate(new ListIncidentsQuery { Severity = severity });

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Rejects_an_unknown_state()
    {
        var result = _validator.TestValidate(new ListIncidentsQuery { State = "Open" });

        result.ShouldHaveValidationErrorFor(x => x.State).WithErrorMessage(
            "'Open' is not valid. Use one of: Reported, Warning, Response, Recovery, Closed, Dismissed, Merged.");
    }

    [Theory]
    [InlineData("reported")]
    [InlineData("Dismissed")]
    public void Accepts_a_state_name(string state)
    {
        var result = _validator.TestValidate(new ListIncidentsQuery { State = state });

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("%%%")]
    [InlineData("YWJj")] // base64url of "abc"
    public void Rejects_a_garbage_cursor(string after)
    {
        var result = _validator.TestValidate(new ListIncidentsQuery { After = after });

        result.ShouldHaveValidationErrorFor(x => x.After).WithErrorMessage(CursorMessage);
    }

    [Fact]
    public void Rejects_a_cursor_built_by_hand_from_base64url_of_abc()
    {
        var after = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("abc"));

        var result = _validator.TestValidate(new ListIncidentsQuery { After = after });

        result.ShouldHaveValidationErrorFor(x => x.After).WithErrorMessage(CursorMessage);
    }

    [Fact]
    public void Accepts_a_cursor_produced_by_encode()
    {
        var after = new IncidentCursor(
            new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero),
            Guid.Parse("0195948c-1a2b-7c3d-8e4f-5a6b7c8d9e0f")).Encode();

        var result = _validator.TestValidate(new ListIncidentsQuery { After = after });

        result.ShouldNotHaveAnyValidationErrors();
    }
}
