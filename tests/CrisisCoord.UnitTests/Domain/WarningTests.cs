using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Warnings;

namespace CrisisCoord.UnitTests.Domain;

public sealed class WarningTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 8, 0, 0, TimeSpan.Zero);

    private static WarningContent Content(string headline = "Flood warning for Dongshan") => new(
        "Flood", headline, "The river is rising.", "Move to higher ground.", [CapResponseType.Evacuate], CapUrgency.Expected, CapCertainty.Likely,
        "", null, null, Now.AddHours(12), WarningScope.Public, "", [], [new WarningArea("Dongshan", new GeoCircle(30.5, 114.3, 10), null)]);

    private static Warning Draft() => Warning.Draft(Guid.NewGuid(), WarningStatus.Actual, Content(), Guid.NewGuid(), Guid.NewGuid(), Now);

    [Fact]
    public void A_draft_goes_out_as_an_alert_and_later_changes_are_updates()
    {
        var warning = Draft();
        warning.Edit(Content("Flood warning (corrected)"), Now).ShouldBeNull();
        warning.MessageCount.ShouldBe(0);

        warning.Publish(Guid.NewGuid(), Guid.NewGuid(), Now).ShouldBe(CapMessageType.Alert);
        warning.State.ShouldBe(WarningState.Published);

        warning.Edit(Content("Flood warning: levee breached"), Now.AddHours(1)).ShouldBe(CapMessageType.Update);
        warning.State.ShouldBe(WarningState.Updated);
        warning.Headline.ShouldBe("Flood warning: levee breached");

        warning.Cancel(Now.AddHours(2)).ShouldBe(CapMessageType.Cancel);
        warning.State.ShouldBe(WarningState.Cancelled);
        warning.MessageCount.ShouldBe(3);
    }

    [Fact]
    public void A_warning_that_ended_cannot_change_or_go_out_again()
    {
        var warning = Draft();
        warning.Publish(Guid.NewGuid(), Guid.NewGuid(), Now);
        warning.Cancel(Now);

        Should.Throw<DomainRuleException>(() => warning.Edit(Content(), Now)).Message.ShouldContain("cancelled");
        Should.Throw<DomainRuleException>(() => warning.Publish(Guid.NewGuid(), Guid.NewGuid(), Now));
        Should.Throw<DomainRuleException>(() => warning.Cancel(Now));
    }

    [Fact]
    public void A_draft_cancelled_issues_nothing()
    {
        var warning = Draft();

        warning.Cancel(Now).ShouldBeNull();
        warning.State.ShouldBe(WarningState.Cancelled);
        warning.MessageCount.ShouldBe(0);
    }

    [Fact]
    public void A_draft_whose_expiry_passed_is_not_published()
    {
        var warning = Draft();

        Should.Throw<DomainRuleException>(() => warning.Publish(Guid.NewGuid(), Guid.NewGuid(), Now.AddDays(1))).Message.ShouldContain("expiry");
    }

    [Fact]
    public void Closing_the_incident_ends_live_warnings_with_an_update_and_leaves_drafts()
    {
        var live = Draft();
        live.Publish(Guid.NewGuid(), Guid.NewGuid(), Now);
        var draft = Draft();

        live.ExpireWithIncident(Now.AddHours(3).AddMilliseconds(400)).ShouldBe(CapMessageType.Update);
        live.State.ShouldBe(WarningState.Expired);
        live.Expires.ShouldBe(Now.AddHours(3));
        live.IsLive(Now.AddHours(3)).ShouldBeFalse();

        draft.ExpireWithIncident(Now).ShouldBeNull();
        draft.State.ShouldBe(WarningState.Draft);
    }

    [Fact]
    public void Times_are_kept_to_whole_seconds_as_cap_writes_them()
    {
        var content = Content() with { Expires = Now.AddHours(12).AddTicks(1234567) };

        Warning.Draft(Guid.NewGuid(), WarningStatus.Actual, content, Guid.NewGuid(), Guid.NewGuid(), Now).Expires.ShouldBe(Now.AddHours(12));
    }

    [Fact]
    public void A_restricted_warning_keeps_its_recipients_and_a_public_one_none()
    {
        var city = Guid.NewGuid();
        var restricted = Content() with { Scope = WarningScope.Restricted, Restriction = "Chemical park neighbours", Recipients = [city, city] };
        Warning.Draft(Guid.NewGuid(), WarningStatus.Actual, restricted, Guid.NewGuid(), Guid.NewGuid(), Now).Recipients.ShouldBe([city]);

        var @public = Content() with { Recipients = [city], Restriction = "ignored" };
        var warning = Warning.Draft(Guid.NewGuid(), WarningStatus.Actual, @public, Guid.NewGuid(), Guid.NewGuid(), Now);
        warning.Recipients.ShouldBeEmpty();
        warning.Restriction.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Severity.I, IncidentState.Warning, true)]
    [InlineData(Severity.II, IncidentState.Warning, true)]
    [InlineData(Severity.III, IncidentState.Warning, false)]
    [InlineData(Severity.I, IncidentState.Response, false)]
    public void The_drafter_publishes_alone_only_for_grave_incidents_in_the_warning_phase(Severity severity, IncidentState state, bool alone)
    {
        new WarningApproval(Severity.II).DrafterMayPublishAlone(severity, state).ShouldBe(alone);
        WarningApproval.CoordinatorsOnly.DrafterMayPublishAlone(severity, state).ShouldBeFalse();
    }

    [Fact]
    public void Incident_categories_map_to_cap_categories_in_one_place()
    {
        IncidentCategory.NaturalDisaster.CapCategories().ShouldBe(["Geo", "Met"]);
        IncidentCategory.AccidentDisaster.CapCategories().ShouldBe(["Safety"]);
        IncidentCategory.PublicHealth.CapCategories().ShouldBe(["Health"]);
        IncidentCategory.SocialSecurity.CapCategories().ShouldBe(["Security"]);
        CapMapping.CapSeverity(Severity.I).ShouldBe("Extreme");
        CapMapping.CapSeverity(Severity.IV).ShouldBe("Minor");
    }
}
