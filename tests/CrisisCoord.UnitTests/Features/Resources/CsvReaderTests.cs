using CrisisCoord.Application.Common;

namespace CrisisCoord.UnitTests.Features.Resources;

public sealed class CsvReaderTests
{
    private static List<CsvRecord> Read(string text) => [.. CsvReader.Read(text)];

    [Theory]
    [InlineData("a,b\r\nc,d\r\n")]
    [InlineData("a,b\nc,d\n")]
    [InlineData("a,b\rc,d")]
    [InlineData("a,b\nc,d")]
    public void Reads_records_ending_in_CRLF_LF_or_CR(string text)
    {
        var records = Read(text);

        records.Select(r => string.Join("|", r.Fields)).ShouldBe(["a|b", "c|d"]);
        records.Select(r => r.Number).ShouldBe([1, 2]);
        records.ShouldAllBe(r => r.Error == null);
    }

    [Fact]
    public void Quoted_fields_hold_commas_doubled_quotes_and_line_breaks()
    {
        var records = Read("place,notes\r\n\"Depot, north\",\"He said \"\"dry\"\"\r\nsecond line\"\r\nlast,\"\"\r\n");

        records.Count.ShouldBe(3);
        records[1].Fields.ShouldBe(["Depot, north", "He said \"dry\"\r\nsecond line"]);
        records[2].Fields.ShouldBe(["last", ""]);
        records[2].Number.ShouldBe(3);
    }

    [Fact]
    public void Empty_fields_and_a_trailing_comma_are_kept()
    {
        Read("a,,c,\n").Single().Fields.ShouldBe(["a", "", "c", ""]);
    }

    [Fact]
    public void A_blank_line_is_a_blank_record_and_keeps_the_numbering()
    {
        var records = Read("a\n\nb\n");

        records.Select(r => r.IsBlank).ShouldBe([false, true, false]);
        records[2].Number.ShouldBe(3);
    }

    [Fact]
    public void A_stray_quote_spoils_only_its_own_record()
    {
        var records = Read("a,b\n5\" pipe,2\nc,d\n");

        records[1].Error.ShouldNotBeNull().ShouldContain("double quote");
        records[2].Fields.ShouldBe(["c", "d"]);
        records[2].Number.ShouldBe(3);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_an_error()
    {
        Read("\"a\"b,c\nd\n")[0].Error.ShouldNotBeNull().ShouldContain("closing double quote");
    }

    [Fact]
    public void An_unclosed_quote_is_an_error()
    {
        Read("a,\"never closed\nb,c\n").Single().Error.ShouldNotBeNull().ShouldContain("never closed");
    }
}
