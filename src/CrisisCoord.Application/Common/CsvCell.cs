using System.Globalization;

namespace CrisisCoord.Application.Common;

/// <summary>
/// The one way every CSV the portal writes turns a value into a cell (RFC 4180 quoting). Text that
/// begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return gets a leading apostrophe
/// (OWASP CSV injection), so a spreadsheet shows it instead of running it as a formula. Numbers the
/// portal formats itself (<see cref="Number(decimal)"/>) are left as numbers: a formatted number is
/// digits, a sign and a point, never a formula, and a coordinate like -33.9 must stay a number.
/// </summary>
public static class CsvCell
{
    /// <summary>The characters a spreadsheet reads as the start of a formula.</summary>
    public static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>Any text (typed by people or not): neutralised, then quoted when it must be.</summary>
    public static string Text(string? value)
    {
        value ??= "";
        return Quote(value.Length > 0 && IsFormulaStart(value[0]) ? "'" + value : value);
    }

    /// <summary>A number the portal formatted itself (invariant culture), written as is.</summary>
    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
