using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Localization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Configuration;

namespace CrisisCoord.Application.Features.Resources;

/// <summary>How large an upload may be: <c>Resources:ImportMaxBytes</c> and <c>Resources:ImportMaxRows</c>.</summary>
public sealed record InventoryImportLimits(long MaxBytes, int MaxRows)
{
    public static InventoryImportLimits Default { get; } = new(5 * 1024 * 1024, 20_000);

    /// <summary>The size limit as people read it, e.g. "5 MB".</summary>
    public string MaxSize => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{MaxBytes / (1024.0 * 1024.0):0.#} MB");

    public static InventoryImportLimits From(IConfiguration configuration) => new(
        long.TryParse(configuration["Resources:ImportMaxBytes"], out var bytes) && bytes > 0 ? bytes : Default.MaxBytes,
        int.TryParse(configuration["Resources:ImportMaxRows"], out var rows) && rows > 0 ? rows : Default.MaxRows);
}

/// <summary>One data row of an inventory file: the fields of a resource, and where the row is in the file.</summary>
public sealed record InventoryRow : ResourceFields
{
    /// <summary>The row as a spreadsheet numbers it: the header is row 1, the first data row is row 2.</summary>
    public int Row { get; init; }

    /// <summary>Resource type code, e.g. "drinking-water".</summary>
    public string? Type { get; init; }
}

/// <summary>Something wrong with an inventory file, with where it is: row and column, only a row, or neither (the whole file).</summary>
public sealed record InventoryFileError(int? Row, string? Column, string Message)
{
    /// <summary>The key under the API's <c>errors</c>: <c>row 14.quantity</c>, <c>row 14</c> or <c>file</c>.</summary>
    public string Key => (Row, Column) switch
    {
        (null, _) => "file",
        (_, null) => $"row {Row}",
        _ => $"row {Row}.{Column}",
    };

    public ValidationFailure ToFailure() => new(Key, Message) { CustomState = new TableError(Row, Column) };
}

/// <summary>An inventory file read and checked: its rows, and the first <see cref="InventoryCsv.MaxErrorsListed"/> of its errors.</summary>
public sealed record InventorySheet(IReadOnlyList<InventoryRow> Rows, IReadOnlyList<InventoryFileError> Errors, int ErrorCount)
{
    public static InventorySheet Refused(string message) => new([], [new InventoryFileError(null, null, message)], 1);

    /// <summary>The errors as validation failures, with one more saying how many were left out when there were too many to list.</summary>
    public IEnumerable<ValidationFailure> Failures()
    {
        foreach (var error in Errors)
        {
            yield return error.ToFailure();
        }

        if (ErrorCount > Errors.Count)
        {
            yield return new InventoryFileError(
                null,
                null,
                Texts.Format("Validation.Inventory.MoreErrors", InventoryCsv.Count(ErrorCount - Errors.Count))).ToFailure();
        }
    }
}

/// <summary>
/// The inventory file format: UTF-8 CSV (RFC 4180, optional BOM) with a header row naming the columns in
/// any order and any case. Every row is checked with the same rules as a resource typed into the form.
/// </summary>
public static partial class InventoryCsv
{
    public const string Type = "type";
    public const string Quantity = "quantity";
    public const string Place = "place";
    public const string Latitude = "latitude";
    public const string Longitude = "longitude";
    public const string AvailableFrom = "available_from";
    public const string AvailableUntil = "available_until";
    public const string Notes = "notes";

    public const int MaxErrorsListed = 100;

    public static IReadOnlyList<string> RequiredColumns { get; } = [Type, Quantity, Place, Latitude, Longitude];

    public static IReadOnlyList<string> Columns { get; } = [.. RequiredColumns, AvailableFrom, AvailableUntil, Notes];

    /// <summary>A small, valid file to start from, offered on the import page.</summary>
    public const string Example = """
        type,quantity,place,latitude,longitude,available_from,available_until,notes
        drinking-water,1200,"Red Cross depot, Qinghe North",30.6012,114.3105,,,"Bottled, 1.5 L"
        blanket,350,Qinghe North school gym,30.6044,114.3121,2026-12-01T08:00:00+08:00,,
        tent,40,"Warehouse 3, Dongshan Road",30.5871,114.2903,,2027-03-31T18:00:00+08:00,"Family tents, sleep 4"

        """;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads and checks a whole file. The file is imported only if <see cref="InventorySheet.ErrorCount"/> is 0.</summary>
    public static InventorySheet Read(byte[]? content, InventoryImportLimits limits, IReadOnlySet<string> typeCodes)
    {
        if (content is null)
        {
            return InventorySheet.Refused(Texts.Get("Validation.Inventory.ChooseFile"));
        }

        if (content.Length > limits.MaxBytes)
        {
            return InventorySheet.Refused(
                Texts.Format("Validation.Inventory.TooLarge", limits.MaxSize));
        }

        var (text, problem) = Decode(content);
        if (problem is not null)
        {
            return InventorySheet.Refused(problem);
        }

        if (text is null or "")
        {
            return InventorySheet.Refused(Texts.Get("Validation.Inventory.Empty"));
        }

        using var records = CsvReader.Read(text).GetEnumerator();
        if (!records.MoveNext() || records.Current.IsBlank)
        {
            return InventorySheet.Refused(Texts.Format("Validation.Inventory.HeaderEmpty", string.Join(", ", Columns)));
        }

        var errors = new Errors();
        var header = ReadHeader(records.Current, errors);
        if (errors.Count > 0)
        {
            return errors.Sheet([]);
        }

        var rows = new List<InventoryRow>();
        var validator = new InventoryRowValidator();
        var firstRowOf = new Dictionary<(string Type, string Place), int>();
        while (records.MoveNext())
        {
            var record = records.Current;
            if (record.IsBlank)
            {
                continue;
            }

            if (rows.Count == limits.MaxRows)
            {
                return InventorySheet.Refused(
                    Texts.Format("Validation.Inventory.TooManyRows", Count(limits.MaxRows)));
            }

            if (record.Error is not null)
            {
                errors.Add(record.Number, null, record.Error);
                rows.Add(new InventoryRow { Row = record.Number });
                continue;
            }

            if (record.Fields.Count != header.Count)
            {
                errors.Add(record.Number, null, Texts.Format("Validation.Inventory.ValueCount", record.Fields.Count, header.Count));
                rows.Add(new InventoryRow { Row = record.Number });
                continue;
            }

            var row = ReadRow(record, header, typeCodes, errors, out var unreadable);
            rows.Add(row);
            foreach (var failure in validator.Validate(row).Errors)
            {
                var column = ColumnOf(failure.PropertyName);
                if (!unreadable.Contains(column))
                {
                    errors.Add(row.Row, column, failure.ErrorMessage);
                }
            }

            if (row.Type is { Length: > 0 } type && row.PlaceName is { Length: > 0 } place
                && !firstRowOf.TryAdd((type.ToLowerInvariant(), place.ToLowerInvariant()), row.Row))
            {
                errors.Add(row.Row, Place, Texts.Format("Validation.Inventory.DuplicateRow", firstRowOf[(type.ToLowerInvariant(), place.ToLowerInvariant())]));
            }
        }

        return rows.Count == 0
            ? InventorySheet.Refused(Texts.Get("Validation.Inventory.NoRows"))
            : errors.Sheet(rows);
    }

    /// <summary>The text of a file, or why it is not a UTF-8 text file.</summary>
    public static (string? Text, string? Error) Decode(byte[] content)
    {
        if (content is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            return (null, Texts.Get("Validation.Inventory.Utf16"));
        }

        if (content.AsSpan().Contains((byte)0))
        {
            return (null, Texts.Get("Validation.Inventory.Binary"));
        }

        try
        {
            var bom = content is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
            return (StrictUtf8.GetString(content, bom, content.Length - bom), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, Texts.Get("Validation.Inventory.NotUtf8"));
        }
    }

    private static Dictionary<string, int> ReadHeader(CsvRecord record, Errors errors)
    {
        var header = new Dictionary<string, int>();
        if (record.Error is not null)
        {
            errors.Add(record.Number, null, record.Error);
            return header;
        }

        for (var i = 0; i < record.Fields.Count; i++)
        {
            var name = record.Fields[i].Trim().ToLowerInvariant();
            if (name.Length == 0)
            {
                errors.Add(1, null, Texts.Format("Validation.Inventory.HeaderColumnNoName", i + 1));
            }
            else if (!Columns.Contains(name))
            {
                errors.Add(1, name, Texts.Format("Validation.Inventory.UnknownColumn", record.Fields[i].Trim(), string.Join(", ", Columns)));
            }
            else if (!header.TryAdd(name, i))
            {
                errors.Add(1, name, Texts.Format("Validation.Inventory.ColumnTwice", name));
            }
        }

        foreach (var missing in RequiredColumns.Where(c => !header.ContainsKey(c)))
        {
            errors.Add(1, missing, Texts.Format("Validation.Inventory.ColumnMissing", missing));
        }

        return header;
    }

    private static InventoryRow ReadRow(
        CsvRecord record, Dictionary<string, int> header, IReadOnlySet<string> typeCodes, Errors errors, out HashSet<string> unreadable)
    {
        var bad = new HashSet<string>();
        string? Text(string column) => header.TryGetValue(column, out var i) && record.Fields[i].Trim() is { Length: > 0 } value ? value : null;

        var type = Text(Type)?.ToLowerInvariant();
        if (type is not null && !typeCodes.Contains(type))
        {
            bad.Add(Type);
            errors.Add(record.Number, Type, Texts.Format("Validation.Inventory.UnknownType", Text(Type)));
        }

        T? Value<T>(string column, Func<string, T?> parse, Func<string, string> problem)
            where T : struct
        {
            if (Text(column) is not { } text)
            {
                return null;
            }

            if (parse(text) is { } value)
            {
                return value;
            }

            bad.Add(column);
            errors.Add(record.Number, column, problem(text));
            return null;
        }

        unreadable = bad;
        return new InventoryRow
        {
            Row = record.Number,
            Type = type,
            Quantity = Value(Quantity, ParseDecimal, NotANumber),
            PlaceName = Text(Place),
            Latitude = Value(Latitude, ParseDouble, NotANumber),
            Longitude = Value(Longitude, ParseDouble, NotANumber),
            AvailableFrom = Value(AvailableFrom, ParseTime, NotATime),
            AvailableUntil = Value(AvailableUntil, ParseTime, NotATime),
            Notes = Text(Notes),
        };
    }

    /// <summary>A count in a message, as the reader writes numbers (20,000); the file itself stays invariant.</summary>
    public static string Count(int count) => Amounts.Quantity(count);

    private const NumberStyles Number = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    private static decimal? ParseDecimal(string text) =>
        decimal.TryParse(text, Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static double? ParseDouble(string text) =>
        double.TryParse(text, Number, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    private static DateTimeOffset? ParseTime(string text) =>
        IsoWithOffset().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

    private static string NotANumber(string text) =>
        Texts.Format(text.Contains(',') ? "Validation.Inventory.NotANumberComma" : "Validation.Inventory.NotANumber", text);

    private static string NotATime(string text) =>
        Texts.Format("Validation.Inventory.NotATime", text);

    private static string ColumnOf(string property) => property switch
    {
        nameof(InventoryRow.Type) => Type,
        nameof(InventoryRow.Quantity) => Quantity,
        nameof(InventoryRow.PlaceName) => Place,
        nameof(InventoryRow.Latitude) => Latitude,
        nameof(InventoryRow.Longitude) => Longitude,
        nameof(InventoryRow.AvailableFrom) => AvailableFrom,
        nameof(InventoryRow.AvailableUntil) => AvailableUntil,
        nameof(InventoryRow.Notes) => Notes,
        _ => property,
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoWithOffset();

    /// <summary>Counts every error and keeps the first ones, worded "Row 14, column quantity: …" so each reads alone.</summary>
    private sealed class Errors
    {
        private readonly List<InventoryFileError> _listed = [];

        public int Count { get; private set; }

        public void Add(int row, string? column, string message)
        {
            Count++;
            if (_listed.Count < MaxErrorsListed)
            {
                var located = column is null ? Texts.Format("Validation.Inventory.AtRow", row, message) : Texts.Format("Validation.Inventory.AtRowColumn", row, column, message);
                _listed.Add(new InventoryFileError(row, column, located));
            }
        }

        public InventorySheet Sheet(IReadOnlyList<InventoryRow> rows) => new(rows, _listed, Count);
    }
}

/// <summary>The rules for one row: a type, then exactly the rules of a resource typed into the form. Whether the type exists is checked as the row is read.</summary>
public sealed class InventoryRowValidator : AbstractValidator<InventoryRow>
{
    public InventoryRowValidator()
    {
        RuleFor(x => x.Type).NotEmpty().WithMessage(_ => Texts.Get("Validation.Resources.SayTypeResourceCode"));
        this.AddResourceFieldRules();
    }
}
