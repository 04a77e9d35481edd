using CrisisCoord.Application.Common;
using CrisisCoord.Domain.Charters;
using FluentValidation;
using Severity = CrisisCoord.Domain.Incidents.Severity;

namespace CrisisCoord.UnitTests.Features;

public sealed class KnownEnumRuleTests
{
    private sealed record Form(Severity? Severity, Phases Phases);

    private sealed class FormValidator : AbstractValidator<Form>
    {
        public FormValidator()
        {
            RuleFor(x => x.Severity).Known();
            RuleFor(x => x.Phases).Known();
        }
    }

    [Fact]
    public void Defined_values_missing_values_and_combinations_of_flags_pass()
    {
        new FormValidator().Validate(new Form(Severity.II, Phases.Warning | Phases.Recovery)).IsValid.ShouldBeTrue();
        new FormValidator().Validate(new Form(null, Phases.None)).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Values_the_enum_does_not_define_are_refused_in_FluentValidations_words()
    {
        var result = new FormValidator().Validate(new Form((Severity)99, (Phases)8));

        result.Errors.Select(e => e.ErrorMessage).ShouldBe([
            "'Severity' has a range of values which does not include '99'.",
            "'Phases' has a range of values which does not include '8'.",
        ]);
    }
}
