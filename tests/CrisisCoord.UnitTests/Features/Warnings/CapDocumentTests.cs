using System.Xml.Linq;
using CrisisCoord.Application.Features.Warnings;
using CrisisCoord.Domain.Warnings;

namespace CrisisCoord.UnitTests.Features.Warnings;

public sealed class CapDocumentTests
{
    private static readonly XNamespace Cap = CapDocument.Namespace;

    private static CapAlert Alert(CapMessageType type = CapMessageType.Alert) => new()
    {
        Identifier = "warning-1-2",
        Sender = "warnings.example.gov",
        Sent = new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero),
        Status = WarningStatus.Exercise,
        MessageType = type,
        Scope = WarningScope.Restricted,
        Restriction = "Neighbours of the chemical park",
        References = type == CapMessageType.Alert ? [] : ["warnings.example.gov,warning-1-1,2026-07-01T15:00:00+08:00"],
        Categories = ["Safety"],
        Event = "Chlorine <leak> & smoke",
        ResponseTypes = [CapResponseType.Shelter, CapResponseType.Monitor],
        Urgency = CapUrgency.Immediate,
        Severity = "Severe",
        Certainty = CapCertainty.Observed,
        Expires = new DateTimeOffset(2026, 7, 1, 20, 0, 0, TimeSpan.Zero),
        Effective = new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero),
        Headline = "Stay indoors",
        Instruction = "Close windows.",
        Areas = [
            new WarningArea("Park", new GeoCircle(30.6, 114.4, 3), null),
            new WarningArea("Village", null, [new(30.4, 114.2), new(30.4, 114.4), new(30.6, 114.4), new(30.4, 114.2)]),
        ],
    };

    [Fact]
    public void Times_carry_the_configured_offset_and_never_z()
    {
        var at = new DateTimeOffset(2026, 7, 1, 23, 30, 5, TimeSpan.Zero);

        CapDocument.Time(at, TimeSpan.Zero).ShouldBe("2026-07-01T23:30:05+00:00");
        CapDocument.Time(at, TimeSpan.FromHours(8)).ShouldBe("2026-07-02T07:30:05+08:00");
        CapDocument.Time(at, TimeSpan.FromHours(-5)).ShouldBe("2026-07-01T18:30:05-05:00");
    }

    [Fact]
    public void The_document_validates_against_the_cap_schema_with_elements_in_schema_order()
    {
        var xml = CapDocument.Write(Alert(CapMessageType.Update), TimeSpan.FromHours(8));

        CapDocument.SchemaErrors(xml).ShouldBeEmpty();
        var alert = XDocument.Parse(xml).Root!;
        alert.Elements().Select(e => e.Name.LocalName).ShouldBe(
            ["identifier", "sender", "sent", "status", "msgType", "scope", "restriction", "references", "info", "info"]);
        alert.Element(Cap + "sent")!.Value.ShouldBe("2026-07-01T16:00:00+08:00");
        var info = alert.Element(Cap + "info")!;
        info.Element(Cap + "event")!.Value.ShouldBe("Chlorine <leak> & smoke");
        info.Elements(Cap + "area").Select(a => (a.Element(Cap + "circle") ?? a.Element(Cap + "polygon"))!.Value)
            .ShouldBe(["30.6,114.4 3", "30.4,114.2 30.4,114.4 30.6,114.4 30.4,114.2"]);
    }

    [Fact]
    public void One_info_per_language_each_valid_with_the_users_words_and_the_codes_as_they_are()
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;

        var xml = CapDocument.Write(Alert(), TimeSpan.FromHours(8));

        CapDocument.SchemaErrors(xml).ShouldBeEmpty();
        System.Globalization.CultureInfo.CurrentUICulture.ShouldBe(before);
        var infos = XDocument.Parse(xml).Root!.Elements(Cap + "info").ToList();
        infos.Select(i => i.Elements().First().Name.LocalName).ShouldBe(["language", "language"]);
        infos.Select(i => i.Element(Cap + "language")!.Value).ShouldBe(["en-US", "zh-CN"]);
        foreach (var info in infos)
        {
            info.Element(Cap + "event")!.Value.ShouldBe("Chlorine <leak> & smoke");
            info.Element(Cap + "instruction")!.Value.ShouldBe("Close windows.");
            info.Element(Cap + "urgency")!.Value.ShouldBe("Immediate");
            info.Element(Cap + "severity")!.Value.ShouldBe("Severe");
            info.Elements(Cap + "area").Select(a => a.Element(Cap + "areaDesc")!.Value).ShouldBe(["Park", "Village"]);
        }
    }

    [Fact]
    public void The_schema_check_finds_a_document_that_breaks_it()
    {
        var xml = CapDocument.Write(Alert(), TimeSpan.Zero).Replace("<msgType>Alert</msgType>", "<msgType>Shout</msgType>", StringComparison.Ordinal);

        CapDocument.SchemaErrors(xml).ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("warnings.example.gov", "+08:00", null, null)]
    [InlineData("", "+00:00", null, null)]
    [InlineData("has space", "+00:00", null, "Sender")]
    [InlineData("a,b", "+00:00", null, "Sender")]
    [InlineData("ok", "Z", null, "TimeOffset")]
    [InlineData("ok", "+15:00", null, "TimeOffset")]
    [InlineData("ok", "+05:30", CrisisCoord.Domain.Incidents.Severity.II, null)]
    public void Options_are_checked(string sender, string offset, CrisisCoord.Domain.Incidents.Severity? grade, string? problem)
    {
        var options = new WarningOptions { Sender = sender, TimeOffset = offset, DrafterMayPublishAloneUpToGrade = grade };

        if (problem is null)
        {
            options.Problem().ShouldBeNull();
        }
        else
        {
            options.Problem().ShouldNotBeNull().ShouldContain(problem);
        }
    }
}
