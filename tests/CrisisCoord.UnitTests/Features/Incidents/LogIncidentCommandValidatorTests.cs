using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Domain.Incidents;
using FluentValidation.TestHelper;
using Severity = CrisisCoord.Domain.Incidents.Severity;

namespace CrisisCoord.UnitTests.Features.Incidents;

public sealed class LogIncidentCommandValidatorTests
{
    private readonly LogIncidentCommandValidator _validator = new();

    private static LogIncidentCommand Valid() => new()
    {
        Title = "Levee breach at Dongshan",
        Description = "Water over the levee crest near km 12.",
        Category = IncidentCategory.NaturalDisaster,
        Severity = Severity.II,
        PlaceName = "Dongshan Town, Qing River levee km 12",
        Latitude = 30.5124,
        Longitude = 114.3051,
    };

    [Fact]
    public void A_valid_command_passes()
    {
        var result = _validator.TestValidate(Valid());

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void A_valid_command_without_description_passes()
    {
        var result = _validator.TestValidate(Valid() with { Description = null });

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Rejects_a_missing_or_blank_title(string? title)
    {
        var result = _validator.TestValidate(Valid() with { Title = title });

        result.ShouldHaveValidationErrorFor(x => x.Title)
            .WithErrorMessage("Give the incident a short title.");
        result.Errors.ShouldAllBe(e => e.PropertyName == "Title");
    }

    [Fact]
    public void Rejects_a_title_of_201_characters()
    {
        var result = _validator.TestValidate(Valid() with { Title = new string('t', Incident.TitleMaxLength + 1) });

        result.ShouldHaveValidationErrorFor(x => x.Title);
        result.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Title");
    }

    [Fact]
    public void Accepts_a_title_of_200_characters()
    {
        Incident.TitleMaxLength.ShouldBe(200);

        var result = _validator.TestValidate(Valid() with { Title = new string('t', 200) });

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Rejects_a_description_of_4001_characters()
    {
        var result = _validator.TestValidate(Valid() with { Description = new string('d', 4001) });

        result.ShouldHaveValidationErrorFor(x => x.Description);
        result.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Description");
    }

    [Fact]
    public void Accepts_a_description_of_4000_characters()
    {
        var result = _validator.TestValidate(Valid() with { Description = new string('d', 4000) });

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Rejects_a_missing_category()
    {
        var result = _validator.TestValidate(Valid() with { Category = null });

        result.ShouldHaveValidationErrorFor(x => x.Category).WithErrorMessage("Choose a category.");
    }

    [Fact]
    public void Rejects_an_undefined_category()
    {
        var result = _validator.TestValidate(Valid() with { Category = (IncidentCategory)99 });

        result.ShouldHaveValidationErrorFor(x => x.Category);
        result.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Category");
    }

    [Fact]
    public void Accepts_a_report_without_a_grade_which_a_verifier_sets()
    {
        var result = _validator.TestValidate(Valid() with { Severity = null });

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(99)]
    public void Rejects_an_undefined_severity(int value)
    {
        var result = _validator.TestValidate(Valid() with { Severity = (Severity)value });

        result.ShouldHaveValidationErrorFor(x => x.Severity);
        result.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Severity");
    }

    [Theory]
    [InlineData(Severity.I)]
    [InlineData(Severity.IV)]
    public void Accepts_every_defined_severity(Severity severity)
    {
        var result = _validator.TestValidate(Valid() with { Severity = severity });

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Rejects_a_missing_place_name(string? placeName)
    {
        var result = _validator.TestValidate(Valid() with { PlaceName = placeName });

        result.ShouldHaveValidationErrorFor(x => x.PlaceName)
            .WithErrorMessage("Say where the incident is (a place name).");
    }

    [Fact]
    public void Rejects_a_place_name_of_201_characters()
    {
        var result = _validator.TestValidate(Valid() with { PlaceName = new string('p', 201) });

        result.ShouldHaveValidationErrorFor(x => x.PlaceName);
    }

    [Theory]
    [InlineData(91)]
    [InlineData(-90.0001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Rejects_a_latitude_outside_the_valid_range(double latitude)
    {
        var result = _validator.TestValidate(Valid() with { Latitude = latitude });

        result.ShouldHaveValidationErrorFor(x => x.Latitude)
            .WithErrorMessage($"Latitude must be between -90 and 90 degrees (got {latitude}).");
        result.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Latitude");
    }

    [Theory]
    [InlineData(180.5)]
    [InlineData(-180.0001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Rejects_a_longitude_outside_the_valid_range(double longitude)
    {
        var result = _validator.TestValidate(Valid() with { Longitude = longitude });

        result.ShouldHaveValidationErrorFor(x => x.Longitude)
            .WithErrorMessage($"Longitude must be between -180 and 180 degrees (got {longitude}).");
        result.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Longitude");
    }

    [Theory]
    [InlineData(90, 180)]
    [InlineData(-90, -180)]
    [InlineData(90, -180)]
    [InlineData(-90, 180)]
    [InlineData(0, 0)]
    public void Accepts_coordinates_on_the_boundaries(double latitude, double longitude)
    {
        var result = _validator.TestValidate(Valid() with { Latitude = latitude, Longitude = longitude });

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Rejects_a_missing_latitude_as_required()
    {
        var result = _validator.TestValidate(Valid() with { Latitude = null });

        result.ShouldHaveValidationErrorFor(x => x.Latitude).WithErrorMessage("Latitude is required.");
    }

    [Fact]
    public void Rejects_a_missing_longitude_as_required()
    {
        var result = _validator.TestValidate(Valid() with { Longitude = null });

        result.ShouldHaveValidationErrorFor(x => x.Longitude).WithErrorMessage("Longitude is required.");
    }

    [Fact]
    public void Reports_every_problem_of_an_empty_command()
    {
        var result = _validator.TestValidate(new LogIncidentCommand());

        result.ShouldHaveValidationErrorFor(x => x.Title);
        result.ShouldHaveValidationErrorFor(x => x.Category);
        result.ShouldNotHaveValidationErrorFor(x => x.Severity);
        result.ShouldHaveValidationErrorFor(x => x.PlaceName);
        result.ShouldHaveValidationErrorFor(x => x.Latitude);
        result.ShouldHaveValidationErrorFor(x => x.Longitude);
        result.ShouldNotHaveValidationErrorFor(x => x.Description);
    }
}
