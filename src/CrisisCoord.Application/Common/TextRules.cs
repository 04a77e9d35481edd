using FluentValidation;

namespace CrisisCoord.Application.Common;

public static class TextRules
{
    /// <summary>
    /// Free text people type: no control characters other than line breaks and tabs. PostgreSQL cannot
    /// store a NUL at all, and the others only ever arrive by accident or malice.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> PlainText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || !text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            .WithMessage("{PropertyName} contains control characters that cannot be stored. Remove them and try again.");
}
