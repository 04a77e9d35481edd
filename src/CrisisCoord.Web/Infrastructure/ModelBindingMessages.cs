using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace CrisisCoord.Web.Infrastructure;

/// <summary>Plain-language messages for form values that cannot be read at all (e.g. "abc" as a latitude).</summary>
public static class ModelBindingMessages
{
    public static void Configure(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"'{value}' is not a valid value for {field}.");
        messages.SetValueMustBeANumberAccessor(field => $"{field} must be a number, such as 31.2304.");
        messages.SetValueIsInvalidAccessor(value => $"'{value}' is not a valid value.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"'{value}' is not a valid value.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"The value given for {field} is not valid.");
        messages.SetMissingBindRequiredValueAccessor(field => $"{field} is required.");
        messages.SetValueMustNotBeNullAccessor(field => $"{field} is required.");
    }
}
