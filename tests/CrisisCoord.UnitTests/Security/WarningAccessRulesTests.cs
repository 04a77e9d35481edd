using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Warnings;

namespace CrisisCoord.UnitTests.Security;

/// <summary>Who reads, drafts, approves and cancels warnings, decided by the one table.</summary>
public sealed class WarningAccessRulesTests
{
    private static readonly Guid City = Guid.NewGuid();
    private static readonly Guid Neighbour = Guid.NewGuid();
    private static readonly Guid Stranger = Guid.NewGuid();

    private static IncidentFacts Flood(IncidentState state = IncidentState.Warning, Severity severity = Severity.II) =>
        new(Guid.NewGuid(), state, severity, City, City, null, new HashSet<Guid> { City }, new HashSet<Guid>());

    private static Reader Person(Guid organisation, OrganisationKind kind, AdministrativeLevel level, string role) => new(
        Guid.NewGuid(), new HashSet<string> { role }, organisation, kind, level,
        Enum.GetValues<Right>().ToDictionary(r => r, r => CharterItem.Of(r).DefaultFor(kind)));

    private static Subject Warning(IncidentFacts incident, WarningState state, WarningScope scope, Guid drafter, params Guid[] recipients) =>
        Subjects.ForWarning(incident, Guid.NewGuid(), state, scope, recipients, drafter);

    private static readonly Reader CityStaff = Person(City, OrganisationKind.Government, AdministrativeLevel.City, Roles.AgencyStaff);
    private static readonly Reader CityCoordinator = Person(City, OrganisationKind.Government, AdministrativeLevel.City, Roles.Coordinator);
    private static readonly Reader NeighbourStaff = Person(Neighbour, OrganisationKind.Enterprise, AdministrativeLevel.Town, Roles.AgencyStaff);
    private static readonly Reader StrangerStaff = Person(Stranger, OrganisationKind.CivicGroup, AdministrativeLevel.Town, Roles.AgencyStaff);

    [Fact]
    public void A_draft_is_hidden_from_those_who_do_not_see_the_incident_and_a_restricted_warning_reaches_only_those_named()
    {
        var rules = new AccessRules(GradedResponse.Default);
        var flood = Flood();

        rules.Decide(Act.ViewWarning, Warning(flood, WarningState.Draft, WarningScope.Public, CityStaff.UserId!.Value), StrangerStaff).Refusal.ShouldBe(Refusal.Hidden);
        rules.Decide(Act.ViewWarning, Warning(flood, WarningState.Published, WarningScope.Public, CityStaff.UserId!.Value), StrangerStaff).Allowed.ShouldBeTrue();
        var restricted = Warning(flood, WarningState.Published, WarningScope.Restricted, CityStaff.UserId!.Value, Neighbour);
        rules.Decide(Act.ViewWarning, restricted, NeighbourStaff).Allowed.ShouldBeTrue();
        rules.Decide(Act.ViewWarning, restricted, StrangerStaff).Refusal.ShouldBe(Refusal.Hidden);
        rules.Decide(Act.ViewWarning, restricted, Reader.Anonymous).Refusal.ShouldBe(Refusal.NotSignedIn);
    }

    [Fact]
    public void Staff_draft_but_only_a_coordinator_approves_unless_the_drafter_may_act_alone_on_a_grave_incident_in_warning()
    {
        var flood = Flood();
        var draft = Warning(flood, WarningState.Draft, WarningScope.Public, CityStaff.UserId!.Value);
        var onIncident = new Subject(SubjectKind.Incident, flood.Id) { Incident = flood };
        var coordinatorsOnly = new AccessRules(GradedResponse.Default);

        coordinatorsOnly.Decide(Act.DraftWarning, onIncident, CityStaff).Allowed.ShouldBeTrue();
        coordinatorsOnly.Decide(Act.DraftWarning, onIncident, NeighbourStaff).Refusal.ShouldBe(Refusal.Forbidden);
        coordinatorsOnly.Decide(Act.PublishWarning, draft, CityStaff).Reason.ShouldNotBeNull().ToString().ShouldContain("coordinator");
        coordinatorsOnly.Decide(Act.PublishWarning, draft, CityCoordinator).Allowed.ShouldBeTrue();

        var urgent = new AccessRules(GradedResponse.Default, new WarningApproval(Severity.II));
        urgent.Decide(Act.PublishWarning, draft, CityStaff).Allowed.ShouldBeTrue();
        urgent.Decide(Act.PublishWarning, Warning(flood, WarningState.Draft, WarningScope.Public, Guid.NewGuid()), CityStaff).Allowed.ShouldBeFalse();
        var inResponse = Flood(IncidentState.Response);
        urgent.Decide(Act.PublishWarning, Warning(inResponse, WarningState.Draft, WarningScope.Public, CityStaff.UserId!.Value), CityStaff).Allowed.ShouldBeFalse();
    }

    [Fact]
    public void A_warning_that_ended_can_no_longer_be_changed_and_a_published_one_is_not_published_again()
    {
        var rules = new AccessRules(GradedResponse.Default);
        var flood = Flood();

        rules.Decide(Act.EditWarning, Warning(flood, WarningState.Cancelled, WarningScope.Public, CityStaff.UserId!.Value), CityCoordinator).Refusal.ShouldBe(Refusal.Conflict);
        rules.Decide(Act.PublishWarning, Warning(flood, WarningState.Published, WarningScope.Public, CityStaff.UserId!.Value), CityCoordinator).Refusal.ShouldBe(Refusal.Conflict);
        rules.Decide(Act.CancelWarning, Warning(Flood(IncidentState.Closed), WarningState.Expired, WarningScope.Public, CityStaff.UserId!.Value), CityCoordinator).Refusal.ShouldBe(Refusal.Conflict);
    }
}
