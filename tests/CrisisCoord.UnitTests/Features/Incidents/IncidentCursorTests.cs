using System.Buffers.Text;
using System.Globalization;
using System.Text;
using CrisisCoord.Application.Features.Incidents;

namespace CrisisCoord.UnitTests.Features.Incidents;

public sealed class IncidentCursorTests
{
    private static readonly Guid SampleId = Guid.Parse("0195948c-1a2b-7c3d-8e4f-5a6b7c8d9e0f");

    private static readonly DateTimeOffset SampleTime =
        new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero).AddTicks(1_234_560);

    [Fact]
    public void Round_trips_time_and_id()
    {
        var original = new IncidentCursor(SampleTime, SampleId);

        var decoded = IncidentCursor.TryDecode(original.Encode(), out var cursor);

        decoded.ShouldBeTrue();
        cursor.ShouldBe(original);
        cursor.ReportedAt.UtcTicks.ShouldBe(SampleTime.UtcTicks);
        cursor.Id.ShouldBe(SampleId);
    }

    [Fact]
    public void Round_trips_a_time_with_an_offset_as_the_same_instant_in_utc()
    {
        var local = new DateTimeOffset(2025, 3, 14, 17, 26, 53, TimeSpan.FromHours(8)).AddTicks(7);
        var original = new IncidentCursor(local, SampleId);

        IncidentCursor.TryDecode(original.Encode(), out var cursor).ShouldBeTrue();

        cursor.ReportedAt.UtcTicks.ShouldBe(local.UtcTicks);
        cursor.ReportedAt.Offset.ShouldBe(TimeSpan.Zero);
        cursor.Id.ShouldBe(SampleId);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(3_155_378_975_999_999_999L)] // DateTimeOffset.MaxValue.UtcTicks
    public void Round_trips_the_extreme_times(long ticks)
    {
        var original = new IncidentCursor(new DateTimeOffset(ticks, TimeSpan.Zero), Guid.Empty);

        IncidentCursor.TryDecode(original.Encode(), out var cursor).ShouldBeTrue();

        cursor.ShouldBe(original);
    }

    [Fact]
    public void Encodes_as_url_safe_text()
    {
        var text = new IncidentCursor(SampleTime, SampleId).Encode();

        text.ShouldNotBeNullOrEmpty();
        text.Length.ShouldBeLessThanOrEqualTo(128);
        text.ShouldAllBe(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');
    }

    [Fact]
    public void Different_cursors_encode_differently()
    {
        var a = new IncidentCursor(SampleTime, SampleId).Encode();
        var b = new IncidentCursor(SampleTime.AddTicks(10), SampleId).Encode();
        var c = new IncidentCursor(SampleTime, Guid.Empty).Encode();

        new[] { a, b, c }.Distinct().Count().ShouldBe(3);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Rejects_null_and_empty(string? text)
    {
        IncidentCursor.TryDecode(text, out var cursor).ShouldBeFalse();

        cursor.ShouldBe(default);
    }

    [Fact]
    public void Rejects_text_longer_than_128_characters_even_if_it_would_decode()
    {
        // Leading zeros are accepted in the ticks, so this is a well-formed payload of 97 bytes.
        var text = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Payload(PaddedTicks(64), SampleId)));
        text.Length.ShouldBeGreaterThan(128);

        IncidentCursor.TryDecode(text, out var cursor).ShouldBeFalse();

        cursor.ShouldBe(default);
    }

    [Fact]
    public void Accepts_text_of_exactly_128_characters()
    {
        // 96 bytes encode to exactly 128 characters: the longest text still accepted.
        var text = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Payload(PaddedTicks(63), SampleId)));
        text.Length.ShouldBe(128);

        IncidentCursor.TryDecode(text, out var cursor).ShouldBeTrue();

        cursor.ShouldBe(new IncidentCursor(SampleTime, SampleId));
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("%%%")]
    [InlineData("YWJj")] // "abc"
    [InlineData("A")] // a single base64 character cannot be decoded
    [InlineData("   ")]
    public void Rejects_malformed_text(string text)
    {
        IncidentCursor.TryDecode(text, out var cursor).ShouldBeFalse();

        cursor.ShouldBe(default);
    }

    public static TheoryData<string> MalformedPayloads => new()
    {
        "abc",
        ":",
        "123",
        "123:",
        $":{SampleId:N}",
        $"abc:{SampleId:N}",
        $"-1:{SampleId:N}",
        $"+1:{SampleId:N}",
        $" 1:{SampleId:N}",
        $"1.5:{SampleId:N}",
        $"{long.MaxValue}:{SampleId:N}",
        $"{DateTimeOffset.MaxValue.UtcTicks + 1}:{SampleId:N}",
        $"99999999999999999999999:{SampleId:N}",
        $"{SampleTime.UtcTicks}:{SampleId:D}",
        $"{SampleTime.UtcTicks}:{SampleId:N}0",
        $"{SampleTime.UtcTicks}:not-a-guid",
        $"{SampleTime.UtcTicks}:{SampleId:N}:extra",
        $"{SampleTime.UtcTicks};{SampleId:N}",
    };

    [Theory]
    [MemberData(nameof(MalformedPayloads))]
    public void Rejects_well_encoded_text_whose_content_is_malformed(string payload)
    {
        var text = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));

        IncidentCursor.TryDecode(text, out var cursor).ShouldBeFalse();

        cursor.ShouldBe(default);
    }

    [Fact]
    public void Accepts_a_hand_built_payload_in_the_documented_format()
    {
        // Guards the malformed-payload cases above: the same construction with valid content decodes.
        var text = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Payload(
            SampleTime.UtcTicks.ToString(CultureInfo.InvariantCulture), SampleId)));

        IncidentCursor.TryDecode(text, out var cursor).ShouldBeTrue();

        cursor.ShouldBe(new IncidentCursor(SampleTime, SampleId));
    }

    private static string PaddedTicks(int width) =>
        SampleTime.UtcTicks.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');

    private static string Payload(string ticks, Guid id) =>
        string.Create(CultureInfo.InvariantCulture, $"{ticks}:{id:N}");
}
