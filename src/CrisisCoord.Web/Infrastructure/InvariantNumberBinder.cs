using System.Globalization;
using CrisisCoord.Application.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CrisisCoord.Web.Infrastructure;

/// <summary>
/// Reads form numbers strictly: digits, an optional sign, a decimal point and exponent, nothing else.
/// The framework's binder accepts thousands separators, so a latitude typed "4,5" would be stored as 45:
/// a wrong position that passes every range check. Here it is refused with a message instead.
/// </summary>
public sealed class InvariantNumberBinder : IModelBinder
{
    private const NumberStyles Strict = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite
        | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        var text = value.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            // Empty means "not given": nullable numbers stay null and the validator says they are required.
            if (!bindingContext.ModelMetadata.IsReferenceOrNullableType)
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, Texts.Format("Validation.Upload.FieldRequired", bindingContext.ModelMetadata.GetDisplayName()));
            }

            return Task.CompletedTask;
        }

        var type = bindingContext.ModelMetadata.UnderlyingOrModelType;
        object? parsed = type == typeof(double) && double.TryParse(text, Strict, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d
            : type == typeof(decimal) && decimal.TryParse(text, Strict, CultureInfo.InvariantCulture, out var m) ? m
            : null;
        if (parsed is null)
        {
            bindingContext.ModelState.TryAddModelError(
                bindingContext.ModelName,
                $"'{text}' is not a valid value for {bindingContext.ModelMetadata.GetDisplayName()}: use digits and a decimal point, e.g. 30.6893.");
            return Task.CompletedTask;
        }

        bindingContext.Result = ModelBindingResult.Success(parsed);
        return Task.CompletedTask;
    }
}

public sealed class InvariantNumberBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(double) || context.Metadata.UnderlyingOrModelType == typeof(decimal)
            ? new InvariantNumberBinder()
            : null;
}
