using System.Text;

namespace CrisisCoord.Application.Common;

/// <summary>One record of a CSV file: its number as a spreadsheet shows it (the first line is 1), its fields, or why it could not be read.</summary>
public sealed record CsvRecord(int Number, IReadOnlyList<string> Fields, string? Error)
{
    /// <summary>A line with nothing on it, which spreadsheets leave behind and readers skip.</summary>
    public bool IsBlank => Error is null && Fields is [""];
}

/// <summary>
/// Reads comma-separated text as RFC 4180 defines it: records end at CRLF, LF or CR; a field wrapped in
/// double quotes may hold commas, line breaks and doubled quotes (<c>""</c>). A record that breaks those
/// rules is returned with an <see cref="CsvRecord.Error"/> and reading goes on at the next line, so one
/// stray quote costs one row, not the file.
/// </summary>
public static class CsvReader
{
    public static IEnumerable<CsvRecord> Read(string text)
    {
        var position = 0;
        var number = 0;
        var field = new StringBuilder();
        while (position < text.Length)
        {
            number++;
            var fields = new List<string>();
            string? error = null;
            while (true)
            {
                error = position < text.Length && text[position] == '"'
                    ? ReadQuoted(text, ref position, field)
                    : ReadPlain(text, ref position, field);
                fields.Add(field.ToString());
                if (error is not null || position >= text.Length || text[position] != ',')
                {
                    break;
                }

                position++;
            }

            if (error is not null)
            {
                SkipRestOfLine(text, ref position);
            }

            EndOfLine(text, ref position);
            yield return new CsvRecord(number, fields, error);
        }
    }

    private static string? ReadQuoted(string text, ref int position, StringBuilder field)
    {
        field.Clear();
        position++;
        while (true)
        {
            if (position >= text.Length)
            {
                return "A value that starts with a double quote (\") is never closed. Add the closing quote.";
            }

            var c = text[position++];
            if (c != '"')
            {
                field.Append(c);
            }
            else if (position < text.Length && text[position] == '"')
            {
                field.Append('"');
                position++;
            }
            else
            {
                return position >= text.Length || text[position] is ',' or '\r' or '\n'
                    ? null
                    : "After a closing double quote (\") there must be a comma or the end of the line.";
            }
        }
    }

    private static string? ReadPlain(string text, ref int position, StringBuilder field)
    {
        field.Clear();
        var start = position;
        while (position < text.Length && text[position] is not (',' or '\r' or '\n'))
        {
            if (text[position] == '"')
            {
                return "A double quote (\") may appear only inside a value wrapped in double quotes, written twice (\"\").";
            }

            position++;
        }

        field.Append(text, start, position - start);
        return null;
    }

    private static void SkipRestOfLine(string text, ref int position)
    {
        while (position < text.Length && text[position] is not ('\r' or '\n'))
        {
            position++;
        }
    }

    private static void EndOfLine(string text, ref int position)
    {
        if (position < text.Length && text[position] == '\r')
        {
            position++;
        }

        if (position < text.Length && text[position] == '\n')
        {
            position++;
        }
    }
}
