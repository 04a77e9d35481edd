using CrisisCoord.Application.Common;

namespace CrisisCoord.UnitTests.Features;

public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("@SUM(1)", "'@SUM(1)")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("-33.9", "'-33.9")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    public void Text_that_a_spreadsheet_would_run_gets_an_apostrophe(string value, string cell) =>
        CsvCell.Text(value).ShouldBe(cell);

    [Theory]
    [InlineData("Qinghe, North", "\"Qinghe, North\"")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("a=b", "a=b")]
    public void Other_text_is_only_quoted_when_it_must_be(string value, string cell) =>
        CsvCell.Text(value).ShouldBe(cell);

    [Fact]
    public void Numbers_the_portal_formats_stay_numbers()
    {
        CsvCell.Number(-33.9).ShouldBe("-33.9");
        CsvCell.Number(-12.5m).ShouldBe("-12.5");
        CsvCell.Number(-7L).ShouldBe("-7");
    }
}
