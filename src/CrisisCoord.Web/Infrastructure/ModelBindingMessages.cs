using CrisisCoord.Application.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace CrisisCoord.Web.Infrastructure;

/// <summary>Plain-language messages for form values that cannot be read at all (e.g. "abc" as a latitude).</summary>
public static class ModelBindingMessages
{
    public static void Configure(DefaultModelBindingMessageProvider messages)
    {
        // Accessors run per request, so each message is in the reader's language.
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => Texts.Format("Binding.AttemptedValueInvalid", value, field));
        messages.SetValueMustBeANumberAccessor(field => Texts.Format("Binding.MustBeNumber", field));
        messages.SetValueIsInvalidAccessor(value => Texts.Format("Binding.ValueInvalid", value));
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => Texts.Format("Binding.ValueInvalid", value));
        messages.SetUnknownValueIsInvalidAccessor(field => Texts.Format("Binding.UnknownValueInvalid", field));
        messages.SetMissingBindRequiredValueAccessor(field => Texts.Format("Binding.Required", field));
        messages.SetValueMustNotBeNullAccessor(field => Texts.Format("Binding.Required", field));
    }
}
