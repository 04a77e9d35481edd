using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;

namespace CrisisCoord.UnitTests.Domain;

public sealed class GradedResponseTests
{
    private static Incident Flood(Severity severity = Severity.III) =>
        Incident.Report("Qing River rising", "", IncidentCategory.NaturalDisaster, severity, "Dongshan", 30.5, 114.3, DateTimeOffset.UtcNow);

    [Theory]
    [InlineData(Severity.IV, AdministrativeLevel.Village)]
    [InlineData(Severity.III, AdministrativeLevel.Town)]
    [InlineData(Severity.II, AdministrativeLevel.City)]
    [InlineData(Severity.I, AdministrativeLevel.Country)]
    public void Each_grade_needs_a_lead_at_its_level_or_above(Severity severity, AdministrativeLevel minimum)
    {
        GradedResponse.Default.MinimumLeadLevel(severity).ShouldBe(minimum);
        GradedResponse.Default.WhyNotLead(OrganisationKind.Government, minimum, severity, "Gov").ShouldBeNull();
        if (minimum > AdministrativeLevel.Village)
        {
            GradedResponse.Default.WhyNotLead(OrganisationKind.Government, minimum - 1, severity, "Gov").ShouldNotBeNull();
        }
    }

    [Fact]
    public void Only_a_government_body_leads()
    {
        GradedResponse.Default.WhyNotLead(OrganisationKind.CivicGroup, AdministrativeLevel.Country, Severity.IV, "Red Cross")?.ToString()
            .ShouldBe("Red Cross is not a government body; only a government organisation can lead an incident.");
    }

    [Fact]
    public void The_minimum_levels_can_be_configured()
    {
        var stricter = new GradedResponse(new Dictionary<Severity, AdministrativeLevel> { [Severity.III] = AdministrativeLevel.City });

        stricter.MinimumLeadLevel(Severity.III).ShouldBe(AdministrativeLevel.City);
        stricter.MinimumLeadLevel(Severity.IV).ShouldBe(AdministrativeLevel.Village);
    }

    [Fact]
    public void Raising_the_grade_past_the_leads_level_requires_escalation_and_lowering_it_clears_it()
    {
        var flood = Flood();
        flood.AssignLead(Guid.NewGuid(), "Dongshan Town", OrganisationKind.Government, AdministrativeLevel.Town, GradedResponse.Default);

        flood.ChangeSeverity(Severity.II, "Reservoir releasing", AdministrativeLevel.Town, GradedResponse.Default);
        flood.EscalationRequired.ShouldBeTrue();

        flood.ChangeSeverity(Severity.III, "Release stopped", AdministrativeLevel.Town, GradedResponse.Default);
        flood.EscalationRequired.ShouldBeFalse();

        flood.ChangeSeverity(Severity.I, "Dam failing", AdministrativeLevel.Town, GradedResponse.Default);
        flood.AssignLead(Guid.NewGuid(), "Ministry", OrganisationKind.Government, AdministrativeLevel.Country, GradedResponse.Default);
        flood.EscalationRequired.ShouldBeFalse();
    }

    [Fact]
    public void An_unqualified_lead_is_refused_and_the_incident_is_unchanged()
    {
        var quake = Flood(Severity.II);

        Should.Throw<DomainRuleException>(() => quake.AssignLead(Guid.NewGuid(), "Xiba Town", OrganisationKind.Government, AdministrativeLevel.Town, GradedResponse.Default))
            .Message.ShouldBe("A grade II incident needs a lead at City level or above; Xiba Town is at Town level.");
        quake.LeadOrganisationId.ShouldBeNull();
    }

    [Fact]
    public void A_transition_needs_a_reason_and_says_where_the_incident_can_go()
    {
        var flood = Flood();

        Should.Throw<ArgumentException>(() => flood.TransitionTo(IncidentState.Warning, " ", DateTimeOffset.UtcNow));
        Should.Throw<DomainRuleException>(() => flood.TransitionTo(IncidentState.Recovery, "x", DateTimeOffset.UtcNow))
            .Message.ShouldBe("An incident in state Reported cannot move to Recovery; it can move to Warning or Response or Dismissed.");
        flood.State.ShouldBe(IncidentState.Reported);
    }
}
