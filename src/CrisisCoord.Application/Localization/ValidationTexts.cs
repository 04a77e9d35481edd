using System.Globalization;
using FluentValidation;

namespace CrisisCoord.Application.Localization;

/// <summary>
/// FluentValidation's own messages in the reader's language (ADR 0036): its LanguageManager already follows the UI
/// culture; this gives the field names those messages quote ("'Description' must be …") a text per language too.
/// </summary>
public static class ValidationTexts
{
    public const string FieldPrefix = "Validation.Field.";

    /// <summary>
    /// Names a field by <c>Validation.Field.&lt;Property&gt;</c>, read when the message is written; a property without
    /// one keeps FluentValidation's split name. The English texts are those split names, so English reads as before.
    /// </summary>
    public static void NameFieldsInReadersLanguage() =>
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : Texts.Resources.GetString(FieldPrefix + member.Name, CultureInfo.CurrentUICulture);
}
