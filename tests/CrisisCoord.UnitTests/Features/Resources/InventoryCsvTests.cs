using System.Text;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Features.Resources;
using Microsoft.Extensions.Configuration;

namespace CrisisCoord.UnitTests.Features.Resources;

public sealed class InventoryCsvTests
{
    private const string Header = "type,quantity,place,latitude,longitude,available_from,available_until,notes";

    private static readonly HashSet<string> Types = ["drinking-water", "blanket", "tent"];

    private static InventorySheet Read(string text, InventoryImportLimits? limits = null) =>
        InventoryCsv.Read(Encoding.UTF8.GetBytes(text), limits ?? InventoryImportLimits.Default, Types);

    private static string File(params string[] rows) => string.Join("\r\n", [Header, .. rows]) + "\r\n";

    private static InventoryFileError Single(InventorySheet sheet)
    {
        sheet.ErrorCount.ShouldBe(1, string.Join("\n", sheet.Errors.Select(e => e.Message)));
        return sheet.Errors.Single();
    }

    [Fact]
    public void The_example_file_offered_on_the_page_is_valid()
    {
        var sheet = Read(InventoryCsv.Example);

        sheet.ErrorCount.ShouldBe(0, string.Join("\n", sheet.Errors.Select(e => e.Message)));
        sheet.Rows.Count.ShouldBe(3);
        sheet.Rows[0].PlaceName.ShouldBe("Red Cross depot, Qinghe North");
        sheet.Rows[0].Notes.ShouldBe("Bottled, 1.5 L");
        sheet.Rows[1].AvailableFrom.ShouldBe(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public void Reads_values_in_invariant_culture_with_columns_in_any_order_and_case_and_a_BOM()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(
            "Longitude,PLACE,quantity,Type,latitude\n114.3105,\"Depot \"\"A\"\", north\",12.5,Drinking-Water,-30.6012\n")).ToArray();

        var sheet = InventoryCsv.Read(bytes, InventoryImportLimits.Default, Types);

        sheet.ErrorCount.ShouldBe(0, string.Join("\n", sheet.Errors.Select(e => e.Message)));
        var row = sheet.Rows.ShouldHaveSingleItem();
        row.Row.ShouldBe(2);
        row.Type.ShouldBe("drinking-water");
        row.Quantity.ShouldBe(12.5m);
        row.PlaceName.ShouldBe("Depot \"A\", north");
        row.Latitude.ShouldBe(-30.6012);
        row.Longitude.ShouldBe(114.3105);
        row.AvailableFrom.ShouldBeNull();
    }

    [Fact]
    public void A_decimal_comma_is_named_with_its_row_and_column()
    {
        var error = Single(Read(File(
            "blanket,10,Gym,30.6,114.3,,,",
            "drinking-water,\"12,5\",Depot,30.6,114.3,,,")));

        error.Row.ShouldBe(3);
        error.Column.ShouldBe("quantity");
        error.Key.ShouldBe("row 3.quantity");
        error.Message.ShouldBe("Row 3, column quantity: \"12,5\" is not a number; use a dot for decimals.");
    }

    [Theory]
    [InlineData("drinking-water,abc,Depot,30.6,114.3,,,", "quantity", "\"abc\" is not a number.")]
    [InlineData("drinking-water,-1,Depot,30.6,114.3,,,", "quantity", "cannot be negative")]
    [InlineData("drinking-water,1.005,Depot,30.6,114.3,,,", "quantity", "two decimals")]
    [InlineData("drinking-water,1000000001,Depot,30.6,114.3,,,", "quantity", "at most")]
    [InlineData("drinking-water,,Depot,30.6,114.3,,,", "quantity", "Say how many")]
    [InlineData("drinking-water,1,,30.6,114.3,,,", "place", "Place name")]
    [InlineData("drinking-water,1,Depot,91,114.3,,,", "latitude", "between -90 and 90")]
    [InlineData("drinking-water,1,Depot,30.6,NaN,,,", "longitude", "is not a number")]
    [InlineData("drinking-water,1,Depot,30.6,1e2,,,", "longitude", "is not a number")]
    [InlineData("drinking-water,1,Depot,30.6,114.3,2026-12-01,,", "available_from", "is not a date and time with a time zone")]
    [InlineData("drinking-water,1,Depot,30.6,114.3,2026-12-01T08:00:00,,", "available_from", "is not a date and time with a time zone")]
    [InlineData("drinking-water,1,Depot,30.6,114.3,,2026-13-01T08:00:00Z,", "available_until", "is not a date and time")]
    [InlineData("drinking-water,1,Depot,30.6,114.3,2026-12-02T00:00:00Z,2026-12-01T00:00:00Z,", "available_until", "must end after it starts")]
    [InlineData("unicorn,1,Depot,30.6,114.3,,,", "type", "\"unicorn\" is not a resource type")]
    [InlineData(",1,Depot,30.6,114.3,,,", "type", "Say the type")]
    public void A_bad_value_is_one_error_naming_row_and_column(string row, string column, string message)
    {
        var error = Single(Read(File(row)));

        error.Row.ShouldBe(2);
        error.Column.ShouldBe(column);
        error.Message.ShouldStartWith($"Row 2, column {column}: ");
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void Availability_with_offsets_is_read_as_the_same_instant()
    {
        var sheet = Read(File("tent,4,Depot,30.6,114.3,2026-12-01T08:00:00+08:00,2026-12-01T00:00:00Z,"));

        sheet.ErrorCount.ShouldBe(0, string.Join("\n", sheet.Errors.Select(e => e.Message)));
        sheet.Rows[0].AvailableFrom!.Value.UtcDateTime.ShouldBe(sheet.Rows[0].AvailableUntil!.Value.UtcDateTime);
    }

    [Fact]
    public void Every_bad_row_is_reported_not_just_the_first()
    {
        var sheet = Read(File(
            "drinking-water,x,Depot,30.6,114.3,,,",
            "blanket,5,Gym,30.6,114.3,,,",
            "tent,1,Field,95,200,,,"));

        sheet.Errors.Select(e => e.Key).ShouldBe(["row 2.quantity", "row 4.latitude", "row 4.longitude"]);
    }

    [Fact]
    public void The_same_type_and_place_twice_is_refused_on_the_later_row()
    {
        var error = Single(Read(File("tent,1,Depot A,30.6,114.3,,,", "tent,2,depot a ,30.6,114.3,,,")));

        error.Key.ShouldBe("row 3.place");
        error.Message.ShouldContain("Row 2 already has this type at this place");
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_values_says_so()
    {
        var error = Single(Read(File("tent,1,Depot, north,30.6,114.3,,,")));

        error.Key.ShouldBe("row 2");
        error.Message.ShouldContain("9 values but the header names 8 columns");
    }

    [Theory]
    [InlineData("type,quantity,place,latitude", "row 1.longitude", "The column longitude is missing")]
    [InlineData("type,quantity,place,latitude,longitude,colour", "row 1.colour", "\"colour\" is not a column this import knows")]
    [InlineData("type,quantity,place,latitude,longitude,Place", "row 1.place", "named twice")]
    public void Header_problems_are_reported_before_any_row(string header, string key, string message)
    {
        var error = Single(Read(header + "\ntent,1,Depot,30.6,114.3,,\n"));

        error.Key.ShouldBe(key);
        error.Message.ShouldContain(message);
    }

    [Theory]
    [InlineData("", "The file is empty")]
    [InlineData("type,quantity,place,latitude,longitude\r\n", "no rows below it")]
    [InlineData("type,quantity,place,latitude,longitude\r\n\r\n\r\n", "no rows below it")]
    public void An_empty_file_or_a_header_alone_is_refused(string text, string message)
    {
        var error = Single(Read(text));

        error.Key.ShouldBe("file");
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void Binary_content_is_refused_as_not_a_csv_file()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

        Single(InventoryCsv.Read(png, InventoryImportLimits.Default, Types)).Message.ShouldContain("binary data");
    }

    [Fact]
    public void Invalid_utf8_is_refused()
    {
        var latin1 = Encoding.Latin1.GetBytes(Header + "\ntent,1,Caf\u00e9,30.6,114.3,,,\n");

        Single(InventoryCsv.Read(latin1, InventoryImportLimits.Default, Types)).Message.ShouldContain("not UTF-8");
    }

    [Fact]
    public void Size_and_row_limits_are_refused_with_the_limit_named()
    {
        var text = File("tent,1,A,30.6,114.3,,,", "tent,1,B,30.6,114.3,,,", "tent,1,C,30.6,114.3,,,");

        Single(Read(text, new InventoryImportLimits(10, 100))).Message.ShouldContain("larger than 0 MB");
        Single(Read(text, new InventoryImportLimits(1024 * 1024, 2))).Message.ShouldContain("more than 2 rows");
        Read(text, new InventoryImportLimits(1024 * 1024, 3)).ErrorCount.ShouldBe(0);
    }

    [Fact]
    public void Limits_come_from_configuration_with_defaults_for_missing_or_nonsense_values()
    {
        var configured = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Resources:ImportMaxBytes"] = "1048576", ["Resources:ImportMaxRows"] = "-3" })
            .Build();

        var limits = InventoryImportLimits.From(configured);

        limits.ShouldBe(new InventoryImportLimits(1024 * 1024, InventoryImportLimits.Default.MaxRows));
        limits.MaxSize.ShouldBe("1 MB");
        InventoryImportLimits.Default.MaxSize.ShouldBe("5 MB");
    }

    [Fact]
    public void Errors_beyond_the_listed_maximum_are_counted_and_summarised()
    {
        var sheet = Read(File([.. Enumerable.Range(0, 150).Select(i => $"tent,x,Place {i},30.6,114.3,,,")]));

        sheet.ErrorCount.ShouldBe(150);
        sheet.Errors.Count.ShouldBe(InventoryCsv.MaxErrorsListed);
        var failures = sheet.Failures().ToList();
        failures.Count.ShouldBe(101);
        failures[^1].ErrorMessage.ShouldContain("and 50 more errors");
        failures[0].CustomState.ShouldBe(new TableError(2, "quantity"));
    }
}
