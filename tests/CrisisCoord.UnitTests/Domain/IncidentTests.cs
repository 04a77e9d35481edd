using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Incidents;

namespace CrisisCoord.UnitTests.Domain;

public sealed class IncidentTests
{
    // 09:26:53 UTC written in UTC+8, plus 1.2345678 s: the trailing 8 ticks are below a microsecond.
    private static readonly DateTimeOffset ReportedLocal =
        new DateTimeOffset(2025, 3, 14, 17, 26, 53, TimeSpan.FromHours(8)).AddTicks(12_345_678);

    // The legal moves, written out from the domain rules rather than read from the state machine.
    private static readonly (IncidentState From, IncidentState To)[] Legal =
    [
        (IncidentState.Reported, IncidentState.Warning),
        (IncidentState.Reported, IncidentState.Response),
        (IncidentState.Reported, IncidentState.Dismissed),
        (IncidentState.Warning, IncidentState.Response),
        (IncidentState.Warning, IncidentState.Closed),
        (IncidentState.Response, IncidentState.Recovery),
        (IncidentState.Recovery, IncidentState.Closed),
    ];

    public static TheoryData<IncidentState, IncidentState> LegalTransitions
    {
        get
        {
            var data = new TheoryData<IncidentState, IncidentState>();
            foreach (var (from, to) in Legal)
            {
                data.Add(from, to);
            }

            return data;
        }
    }

    public static TheoryData<IncidentState, IncidentState> IllegalTransitions
    {
        get
        {
            var data = new TheoryData<IncidentState, IncidentState>();
            foreach (var from in Enum.GetValues<IncidentState>())
            {
                foreach (var to in Enum.GetValues<IncidentState>())
                {
                    if (!Legal.Contains((from, to)))
                    {
                        data.Add(from, to);
                    }
                }
            }

            return data;
        }
    }

    [Fact]
    public void Report_starts_the_incident_in_state_reported_with_the_given_details()
    {
        var incident = Report();

        incident.State.ShouldBe(IncidentState.Reported);
        incident.Title.ShouldBe("Levee breach at Dongshan");
        incident.Description.ShouldBe("Water over the levee crest.");
        incident.Category.ShouldBe(IncidentCategory.NaturalDisaster);
        incident.Severity.ShouldBe(Severity.II);
        incident.PlaceName.ShouldBe("Dongshan Town");
        incident.Latitude.ShouldBe(30.5124);
        incident.Longitude.ShouldBe(114.3051);
        incident.Id.ShouldNotBe(Guid.Empty);
        incident.Id.Version.ShouldBe(7);
    }

    [Fact]
    public void Report_trims_title_description_and_place_name()
    {
        var incident = Report(
            title: "  Levee breach at Dongshan \t",
            description: "\n Water over the levee crest.  ",
            placeName: "   Dongshan Town  ");

        incident.Title.ShouldBe("Levee breach at Dongshan");
        incident.Description.ShouldBe("Water over the levee crest.");
        incident.PlaceName.ShouldBe("Dongshan Town");
    }

    [Fact]
    public void Report_converts_the_time_to_utc_and_truncates_it_to_microseconds()
    {
        var incident = Report(now: ReportedLocal);

        incident.ReportedAt.Offset.ShouldBe(TimeSpan.Zero);
        (incident.ReportedAt.Ticks % 10).ShouldBe(0);
        incident.ReportedAt.UtcTicks.ShouldBe(ReportedLocal.UtcTicks - 8);
        incident.ReportedAt.ShouldBe(new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero).AddTicks(12_345_670));
        incident.StateChangedAt.ShouldBe(incident.ReportedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Report_rejects_a_blank_title(string title)
    {
        var ex = Should.Throw<ArgumentException>(() => Report(title: title));

        ex.ParamName.ShouldBe("title");
    }

    [Fact]
    public void Report_rejects_a_null_title()
    {
        var ex = Should.Throw<ArgumentException>(() => Report(title: null!));

        ex.ParamName.ShouldBe("title");
    }

    [Theory]
    [InlineData(90.0001, 0)]
    [InlineData(-90.0001, 0)]
    [InlineData(double.NaN, 0)]
    [InlineData(double.PositiveInfinity, 0)]
    [InlineData(0, 180.0001)]
    [InlineData(0, -180.0001)]
    [InlineData(0, double.NaN)]
    [InlineData(0, double.NegativeInfinity)]
    public void Report_rejects_invalid_coordinates(double latitude, double longitude)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Report(latitude: latitude, longitude: longitude));
    }

    [Theory]
    [InlineData(90, 180)]
    [InlineData(-90, -180)]
    [InlineData(0, 0)]
    public void Report_accepts_coordinates_on_the_boundaries(double latitude, double longitude)
    {
        var incident = Report(latitude: latitude, longitude: longitude);

        incident.Latitude.ShouldBe(latitude);
        incident.Longitude.ShouldBe(longitude);
    }

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void Allows_every_legal_transition(IncidentState from, IncidentState to)
    {
        var incident = IncidentIn(from);

        incident.TransitionTo(to, "checked on site", ReportedLocal.AddMinutes(30));

        incident.State.ShouldBe(to);
        IncidentStateMachine.CanTransition(from, to).ShouldBeTrue();
        IncidentStateMachine.NextStates(from).ShouldContain(to);
    }

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public void Rejects_an_illegal_transition_and_keeps_the_state(IncidentState from, IncidentState to)
    {
        var incident = IncidentIn(from);
        var changedAt = incident.StateChangedAt;

        var ex = Should.Throw<DomainRuleException>(() => incident.TransitionTo(to, "checked on site", ReportedLocal.AddHours(2)));

        ex.Message.ShouldContain($"cannot move to {to}");
        incident.State.ShouldBe(from);
        incident.StateChangedAt.ShouldBe(changedAt);
        IncidentStateMachine.CanTransition(from, to).ShouldBeFalse();
    }

    [Theory]
    [InlineData(IncidentState.Reported, IncidentState.Closed)]
    [InlineData(IncidentState.Response, IncidentState.Warning)]
    [InlineData(IncidentState.Recovery, IncidentState.Response)]
    [InlineData(IncidentState.Closed, IncidentState.Reported)]
    [InlineData(IncidentState.Closed, IncidentState.Warning)]
    [InlineData(IncidentState.Dismissed, IncidentState.Reported)]
    [InlineData(IncidentState.Dismissed, IncidentState.Response)]
    public void Rejects_well_known_illegal_transitions(IncidentState from, IncidentState to)
    {
        var incident = IncidentIn(from);

        Should.Throw<DomainRuleException>(() => incident.TransitionTo(to, "checked on site", ReportedLocal.AddHours(2)));

        incident.State.ShouldBe(from);
    }

    [Theory]
    [InlineData(IncidentState.Closed)]
    [InlineData(IncidentState.Dismissed)]
    public void Terminal_states_have_no_next_states(IncidentState state)
    {
        IncidentStateMachine.NextStates(state).ShouldBeEmpty();
        state.IsOpen().ShouldBeFalse();
    }

    [Theory]
    [InlineData(IncidentState.Reported)]
    [InlineData(IncidentState.Warning)]
    [InlineData(IncidentState.Response)]
    [InlineData(IncidentState.Recovery)]
    public void Non_terminal_states_are_open(IncidentState state)
    {
        state.IsOpen().ShouldBeTrue();
        IncidentStateMachine.NextStates(state).ShouldNotBeEmpty();
    }

    [Fact]
    public void TransitionTo_updates_state_changed_at_in_utc_truncated_to_microseconds()
    {
        var incident = Report(now: ReportedLocal);
        var reportedAt = incident.ReportedAt;
        var later = new DateTimeOffset(2025, 3, 14, 12, 0, 0, TimeSpan.FromHours(-5)).AddTicks(9_999);

        incident.TransitionTo(IncidentState.Warning, "gauge rising", later);

        incident.StateChangedAt.ShouldBe(new DateTimeOffset(2025, 3, 14, 17, 0, 0, TimeSpan.Zero).AddTicks(9_990));
        incident.StateChangedAt.Offset.ShouldBe(TimeSpan.Zero);
        incident.ReportedAt.ShouldBe(reportedAt);
    }

    [Theory]
    [InlineData(Severity.I, "Extreme", "red", "Especially major")]
    [InlineData(Severity.II, "Severe", "orange", "Major")]
    [InlineData(Severity.III, "Moderate", "yellow", "Relatively major")]
    [InlineData(Severity.IV, "Minor", "blue", "General")]
    public void Maps_each_severity_grade_to_cap_severity_colour_and_label(
        Severity severity, string capSeverity, string colour, string label)
    {
        severity.CapSeverity().ShouldBe(capSeverity);
        severity.Colour().ShouldBe(colour);
        severity.Label().ShouldBe(label);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Severity_mappings_reject_undefined_grades(int value)
    {
        var severity = (Severity)value;

        Should.Throw<ArgumentOutOfRangeException>(() => severity.CapSeverity());
        Should.Throw<ArgumentOutOfRangeException>(() => severity.Colour());
        Should.Throw<ArgumentOutOfRangeException>(() => severity.Label());
    }

    [Fact]
    public void Severity_grade_i_is_the_gravest()
    {
        ((int)Severity.I).ShouldBeLessThan((int)Severity.II);
        ((int)Severity.II).ShouldBeLessThan((int)Severity.III);
        ((int)Severity.III).ShouldBeLessThan((int)Severity.IV);
    }

    private static Incident Report(
        string title = "Levee breach at Dongshan",
        string description = "Water over the levee crest.",
        string placeName = "Dongshan Town",
        double latitude = 30.5124,
        double longitude = 114.3051,
        DateTimeOffset? now = null) =>
        Incident.Report(
            title,
            description,
            IncidentCategory.NaturalDisaster,
            Severity.II,
            placeName,
            latitude,
            longitude,
            now ?? ReportedLocal);

    /// <summary>An incident brought to <paramref name="state"/> through legal transitions.</summary>
    private static Incident IncidentIn(IncidentState state)
    {
        IncidentState[] path = state switch
        {
            IncidentState.Reported => [],
            IncidentState.Warning => [IncidentState.Warning],
            IncidentState.Response => [IncidentState.Response],
            IncidentState.Recovery => [IncidentState.Response, IncidentState.Recovery],
            IncidentState.Closed => [IncidentState.Warning, IncidentState.Closed],
            IncidentState.Dismissed => [IncidentState.Dismissed],
            IncidentState.Merged => [],
            _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
        };

        var incident = Report();
        if (state == IncidentState.Merged)
        {
            // Only a merge leads there, never a transition.
            incident.MergeInto(Report(title: "The incident it duplicates"), "duplicate", ReportedLocal);
        }

        var at = ReportedLocal;
        foreach (var next in path)
        {
            at = at.AddMinutes(5);
            incident.TransitionTo(next, "next step", at);
        }

        incident.State.ShouldBe(state);
        return incident;
    }
}
