using CrisisCoord.Application.Localization;
using FluentValidation;

namespace CrisisCoord.Application.Common;

public static class TextRules
{
    /// <summary>
    /// Free text people type: no control characters other than line breaks and tabs. PostgreSQL cannot
    /// store a NUL at all, and the others only ever arrive by accident or malice.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> PlainText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || !text.AsSpan().ContainsAny(Unstorable))
            .WithMessage(_ => Texts.Get("Validation.Common.ContainsControlCharactersCannot"));

    /// <summary>The control characters (C0, DEL and C1) but line breaks and tabs; searched for vectorised, as every field of every row of an import is.</summary>
    private static readonly System.Buffers.SearchValues<char> Unstorable = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c).Where(c => c is not ('\n' or '\r' or '\t'))]);

    /// <summary>
    /// A value the enum defines (for a flags enum, a combination of its flags), in FluentValidation's words. Its own
    /// IsInEnum reads the type's attributes by reflection on every call, a measurable share of a small write's CPU.
    /// </summary>
    public static IRuleBuilderOptions<T, TEnum?> Known<T, TEnum>(this IRuleBuilder<T, TEnum?> rule)
        where TEnum : struct, Enum =>
        rule.Must(value => value is not { } known || EnumFacts<TEnum>.Defines(known)).WithMessage(_ => Texts.Get("Validation.NotInEnum"));

    /// <inheritdoc cref="Known{T, TEnum}(IRuleBuilder{T, TEnum?})"/>
    public static IRuleBuilderOptions<T, TEnum> Known<T, TEnum>(this IRuleBuilder<T, TEnum> rule)
        where TEnum : struct, Enum =>
        rule.Must(EnumFacts<TEnum>.Defines).WithMessage(_ => Texts.Get("Validation.NotInEnum"));

    private static class EnumFacts<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly bool Flags = typeof(TEnum).IsDefined(typeof(FlagsAttribute), inherit: false);

        private static readonly ulong All = Enum.GetValues<TEnum>().Aggregate(0UL, (all, value) => all | Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture));

        public static bool Defines(TEnum value) =>
            Flags
                ? (Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture) & ~All) == 0
                : Enum.IsDefined(value);
    }
}
