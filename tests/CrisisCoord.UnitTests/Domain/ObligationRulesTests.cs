using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Obligations;

namespace CrisisCoord.UnitTests.Domain;

public sealed class ObligationRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Org = Guid.NewGuid();
    private static readonly Guid Incident = Guid.NewGuid();
    private static readonly ObligationRules Rules = ObligationRules.Default;

    [Theory]
    [InlineData(IncidentState.Response, 30)]
    [InlineData(IncidentState.Warning, 240)]
    [InlineData(IncidentState.Recovery, 240)]
    public void An_assigned_task_is_due_for_acknowledgement_30_minutes_in_response_and_4_hours_otherwise(IncidentState state, int minutes)
    {
        var task = Guid.NewGuid();
        var o = Rules.AcknowledgeTaskOf(task, "Clear the road", Incident, Org, T0, state);

        o.Obligation.ShouldBe(Obligation.AcknowledgeTask);
        o.SubjectId.ShouldBe(task);
        o.Subject.ToString().ShouldBe("Accept or decline the task \"Clear the road\"");
        o.DueAt.ShouldBe(T0.AddMinutes(minutes));
        o.IsBreachedAt(T0.AddMinutes(minutes)).ShouldBeFalse("due at the bound, breached only after it");
        o.IsBreachedAt(T0.AddMinutes(minutes + 1)).ShouldBeTrue();
        o.OverdueAt(T0.AddMinutes(minutes + 75)).ShouldBe(TimeSpan.FromMinutes(75));
        o.OverdueAt(T0).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void A_situation_report_is_due_12_hours_after_the_last_one_and_6_for_the_lead()
    {
        Rules.SituationReportOf(Incident, Org, isLead: false, responseStartedAt: T0, joinedAt: T0, lastReportAt: T0.AddHours(3))
            .DueAt.ShouldBe(T0.AddHours(15));
        Rules.SituationReportOf(Incident, Org, isLead: true, responseStartedAt: T0, joinedAt: T0, lastReportAt: T0.AddHours(3))
            .DueAt.ShouldBe(T0.AddHours(9));
    }

    [Fact]
    public void Without_a_report_the_clock_starts_when_the_response_started_or_the_organisation_joined_whichever_is_later()
    {
        Rules.SituationReportOf(Incident, Org, false, responseStartedAt: T0, joinedAt: T0.AddHours(-5), lastReportAt: null).DueAt.ShouldBe(T0.AddHours(12));
        Rules.SituationReportOf(Incident, Org, false, responseStartedAt: T0, joinedAt: T0.AddHours(2), lastReportAt: null).DueAt.ShouldBe(T0.AddHours(14));
        // A report from before the response (during the warning) does not count towards the response's reports.
        Rules.SituationReportOf(Incident, Org, false, responseStartedAt: T0, joinedAt: null, lastReportAt: T0.AddHours(-1)).DueAt.ShouldBe(T0.AddHours(12));
    }

    [Fact]
    public void Inventory_is_due_24_hours_after_its_last_confirmation_but_never_before_the_response_began()
    {
        Rules.ConfirmInventoryOf(Guid.NewGuid(), "Blanket", "the depot", Org, lastConfirmedAt: T0, respondingSince: T0.AddHours(-2))
            .DueAt.ShouldBe(T0.AddHours(24));
        var stale = Rules.ConfirmInventoryOf(Guid.NewGuid(), "Sandbag", "the stores", Org, lastConfirmedAt: T0.AddDays(-5), respondingSince: T0);
        stale.DueAt.ShouldBe(T0, "stock confirmed long before the crisis is due when the response starts");
        stale.IncidentId.ShouldBeNull();
    }

    [Fact]
    public void Objectives_are_due_2_hours_after_the_phase_starts()
    {
        var o = Rules.SetObjectivesOf(Incident, Org, Phases.Response, T0);
        o.DueAt.ShouldBe(T0.AddHours(2));
        o.Subject.ToString().ShouldBe("Set objectives for the response phase");
    }

    [Fact]
    public void The_breach_key_names_one_lapse_so_it_is_recorded_once_and_a_new_lapse_is_a_new_breach()
    {
        var task = Guid.NewGuid();
        var first = Rules.AcknowledgeTaskOf(task, "Clear the road", Incident, Org, T0, IncidentState.Response);
        var seenAgain = Rules.AcknowledgeTaskOf(task, "Clear the road", Incident, Org, T0, IncidentState.Recovery);
        var reassigned = Rules.AcknowledgeTaskOf(task, "Clear the road", Incident, Org, T0.AddHours(1), IncidentState.Response);

        seenAgain.BreachKey.ShouldBe(first.BreachKey, "a change of bound does not make the same lapse a second breach");
        reassigned.BreachKey.ShouldNotBe(first.BreachKey);
    }

    [Fact]
    public void A_breach_is_made_only_from_an_obligation_past_due()
    {
        var o = Rules.SetObjectivesOf(Incident, Org, Phases.Warning, T0);
        Should.Throw<InvalidOperationException>(() => ObligationBreach.Of(o, T0.AddHours(1)));

        var breach = ObligationBreach.Of(o, T0.AddHours(3));
        breach.Key.ShouldBe(o.BreachKey);
        breach.DueAt.ShouldBe(T0.AddHours(2));
        breach.DetectedAt.ShouldBe(T0.AddHours(3));
        breach.IncidentId.ShouldBe(Incident);
    }

    [Fact]
    public void Bounds_are_configurable_and_read_in_words()
    {
        Rules.Bound(Obligation.AcknowledgeTask).ToString().ShouldBe("30 min in response, 4 h otherwise");
        Rules.Bound(Obligation.SubmitSitRep).ToString().ShouldBe("every 12 h (lead: every 6 h)");
        Rules.Bound(Obligation.ConfirmInventory).ToString().ShouldBe("every 24 h");
        Rules.Bound(Obligation.SetObjectives).ToString().ShouldBe("2 h after the phase starts");

        var quicker = Rules with { AcknowledgeTaskInResponse = TimeSpan.FromMinutes(15), SetObjectivesWithin = TimeSpan.FromMinutes(90) };
        quicker.Bound(Obligation.AcknowledgeTask).ToString().ShouldBe("15 min in response, 4 h otherwise");
        quicker.Bound(Obligation.SetObjectives).ToString().ShouldBe("1 h 30 min after the phase starts");
        quicker.AcknowledgeTaskOf(Guid.NewGuid(), "t", Incident, Org, T0, IncidentState.Response).DueAt.ShouldBe(T0.AddMinutes(15));
    }
}
