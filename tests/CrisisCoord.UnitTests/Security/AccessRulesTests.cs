using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Requests;

namespace CrisisCoord.UnitTests.Security;

/// <summary>
/// The rules table applied to the cases that were found open: who coordinates under graded response, what a
/// non-participant may not even see, verification, answering requests, task moves and auditors.
/// </summary>
public sealed class AccessRulesTests
{
    private static readonly AccessRules Rules = new(GradedResponse.Default);

    private static readonly Guid CityBureau = Guid.NewGuid();
    private static readonly Guid Ministry = Guid.NewGuid();
    private static readonly Guid Village = Guid.NewGuid();
    private static readonly Guid Town = Guid.NewGuid();
    private static readonly Guid RedCross = Guid.NewGuid();
    private static readonly Guid Builder = Guid.NewGuid();
    private static readonly Guid FoodBank = Guid.NewGuid();

    /// <summary>A grade II earthquake in response, led by the city, with the Red Cross and a builder taking part.</summary>
    private static IncidentFacts Earthquake(IncidentState state = IncidentState.Response) =>
        new(Guid.NewGuid(), state, Severity.II, CityBureau, CityBureau, null, new HashSet<Guid> { CityBureau, RedCross, Builder }, new HashSet<Guid>());

    private static Subject OnIncident(IncidentFacts incident) => new(SubjectKind.Incident, incident.Id) { Incident = incident };

    private static Reader Person(Guid organisation, OrganisationKind kind, AdministrativeLevel level, params string[] roles) => new(
        Guid.NewGuid(),
        roles.ToHashSet(),
        organisation,
        kind,
        level,
        Enum.GetValues<Right>().ToDictionary(r => r, r => CharterItem.Of(r).DefaultFor(kind)));

    private static readonly Reader CityCoordinator = Person(CityBureau, OrganisationKind.Government, AdministrativeLevel.City, Roles.Coordinator);
    private static readonly Reader MinistryCoordinator = Person(Ministry, OrganisationKind.Government, AdministrativeLevel.Country, Roles.Coordinator);
    private static readonly Reader VillageCoordinator = Person(Village, OrganisationKind.Government, AdministrativeLevel.Village, Roles.Coordinator);
    private static readonly Reader VillageStaff = Person(Village, OrganisationKind.Government, AdministrativeLevel.Village, Roles.AgencyStaff);
    private static readonly Reader TownCoordinator = Person(Town, OrganisationKind.Government, AdministrativeLevel.Town, Roles.Coordinator);
    private static readonly Reader RedCrossCoordinator = Person(RedCross, OrganisationKind.CivicGroup, AdministrativeLevel.City, Roles.Coordinator);
    private static readonly Reader RedCrossManager = Person(RedCross, OrganisationKind.CivicGroup, AdministrativeLevel.City, Roles.ResourceManager);
    private static readonly Reader FoodBankCoordinator = Person(FoodBank, OrganisationKind.CivicGroup, AdministrativeLevel.Town, Roles.Coordinator);
    private static readonly Reader FoodBankManager = Person(FoodBank, OrganisationKind.CivicGroup, AdministrativeLevel.Town, Roles.ResourceManager);
    private static readonly Reader Auditor = Person(Ministry, OrganisationKind.Government, AdministrativeLevel.Country, Roles.Auditor, Roles.Coordinator);

    [Fact]
    public void A_village_coordinator_cannot_regrade_a_city_level_earthquake()
    {
        var decision = Rules.Decide(Act.SetSeverity, OnIncident(Earthquake()), VillageCoordinator);

        decision.Refusal.ShouldBe(Refusal.Forbidden);
        decision.Reason?.ToString().ShouldBe("Only coordinators of the lead organisation, of government bodies at City level or above (grade II), or of organisations taking part coordinate this incident.");
    }

    [Fact]
    public void The_lead_and_government_above_the_grade_level_coordinate()
    {
        Rules.Decide(Act.SetSeverity, OnIncident(Earthquake()), CityCoordinator).Allowed.ShouldBeTrue();
        Rules.Decide(Act.SetSeverity, OnIncident(Earthquake()), MinistryCoordinator).Allowed.ShouldBeTrue();
    }

    [Fact]
    public void A_civic_group_taking_part_coordinates_only_what_its_charter_grants_in_the_phase()
    {
        Rules.Decide(Act.SetSeverity, OnIncident(Earthquake()), RedCrossCoordinator).Reason?.ToString()
            .ShouldBe("Your organisation's charter does not grant SetSeverity in this incident's current phase (Response).");
        Rules.Decide(Act.CreateTask, OnIncident(Earthquake()), RedCrossCoordinator).Refusal.ShouldBe(Refusal.Forbidden);
        Rules.Decide(Act.CreateTask, OnIncident(Earthquake(IncidentState.Recovery)), RedCrossCoordinator).Allowed.ShouldBeTrue();
    }

    [Fact]
    public void A_civic_group_that_does_not_take_part_coordinates_nothing_and_sees_no_offer()
    {
        var offer = Subjects.ForOffer(Earthquake(), Guid.NewGuid(), Builder, null);

        Rules.Decide(Act.CommitOffer, offer, FoodBankCoordinator).Refusal.ShouldBe(Refusal.Hidden);
        Rules.Decide(Act.CreateTask, OnIncident(Earthquake(IncidentState.Recovery)), FoodBankCoordinator).Refusal.ShouldBe(Refusal.Forbidden);
    }

    [Fact]
    public void A_non_participant_may_not_know_the_incidents_tasks_and_objectives_exist()
    {
        var incident = Earthquake();
        var objective = new Subject(SubjectKind.Objective, Guid.NewGuid()) { Incident = incident };
        var task = Subjects.ForTask(incident, Guid.NewGuid(), TaskState.Open, null);

        Rules.Decide(Act.RecordProgress, objective, VillageStaff).Refusal.ShouldBe(Refusal.Hidden);
        Rules.Decide(Act.ViewObjective, objective, VillageStaff).Refusal.ShouldBe(Refusal.Hidden);
        Rules.Decide(Act.ViewTask, task, VillageStaff).Refusal.ShouldBe(Refusal.Hidden);
        Rules.Decide(Act.ViewIncident, OnIncident(incident), VillageStaff).Allowed.ShouldBeTrue();
        Rules.Decide(Act.ViewIncidentDetail, OnIncident(incident), VillageStaff).Refusal.ShouldBe(Refusal.Forbidden);
    }

    [Fact]
    public void Verifying_a_report_needs_a_government_body_at_the_reported_grade_level()
    {
        var report = new IncidentFacts(Guid.NewGuid(), IncidentState.Reported, Severity.III, null, null, Guid.NewGuid(), new HashSet<Guid>(), new HashSet<Guid>());

        Rules.Decide(Act.TransitionIncident, OnIncident(report), VillageCoordinator).Reason?.ToString()
            .ShouldBe("Only government bodies at Town level or above verify a grade III report.");
        Rules.Decide(Act.TransitionIncident, OnIncident(report), TownCoordinator).Allowed.ShouldBeTrue();
        Rules.Decide(Act.TransitionIncident, OnIncident(report), RedCrossCoordinator).Reason?.ToString()
            .ShouldBe("Your organisation's charter does not grant VerifyIncident in this incident's current phase (Warning).");
    }

    [Fact]
    public void A_request_is_answered_by_those_asked_and_by_participants_holding_the_type()
    {
        var incident = Earthquake();
        Subject Request(bool asked, bool holds) => new(SubjectKind.Request, Guid.NewGuid()) { Incident = incident, Request = new RequestFacts(RequestState.Open, asked, holds) };

        Rules.Decide(Act.AnswerRequest, Request(asked: true, holds: false), FoodBankManager).Allowed.ShouldBeTrue();
        Rules.Decide(Act.AnswerRequest, Request(asked: false, holds: true), RedCrossManager).Allowed.ShouldBeTrue();
        Rules.Decide(Act.AnswerRequest, Request(asked: false, holds: true), FoodBankManager).Refusal.ShouldBe(Refusal.Hidden);
        Rules.Decide(Act.AnswerRequest, Request(asked: false, holds: false), RedCrossManager).Refusal.ShouldBe(Refusal.Forbidden);
    }

    [Fact]
    public void A_closed_request_takes_no_answer()
    {
        var closed = new Subject(SubjectKind.Request, Guid.NewGuid()) { Incident = Earthquake(), Request = new RequestFacts(RequestState.Closed, true, true) };

        Rules.Decide(Act.AnswerRequest, closed, RedCrossManager).ShouldBeConflict("The request is closed; raise a new one if more is needed.");
    }

    [Fact]
    public void Only_the_assignee_moves_a_task_and_only_as_its_state_allows()
    {
        var incident = Earthquake();

        Rules.Decide(Act.AcceptTask, Subjects.ForTask(incident, Guid.NewGuid(), TaskState.Assigned, RedCross), RedCrossManager).Allowed.ShouldBeTrue();
        Rules.Decide(Act.AcceptTask, Subjects.ForTask(incident, Guid.NewGuid(), TaskState.Assigned, Builder), RedCrossManager).Reason?.ToString()
            .ShouldBe("Only the organisation the task is given to answers for it.");
        Rules.Decide(Act.AcceptTask, Subjects.ForTask(incident, Guid.NewGuid(), TaskState.Accepted, RedCross), RedCrossManager)
            .ShouldBeConflict("The task is Accepted; this needs it to be Assigned.");
    }

    [Fact]
    public void Capabilities_list_every_move_with_a_reason_for_the_refused_ones()
    {
        var task = Subjects.ForTask(Earthquake(), Guid.NewGuid(), TaskState.Assigned, RedCross);

        var capabilities = Rules.CapabilitiesOf(task, RedCrossManager);

        capabilities.Allowed.ShouldBe([Act.ViewTask, Act.AcceptTask, Act.DeclineTask], ignoreOrder: true);
        capabilities.WhyNot(Act.AssignTask).ShouldBe("This needs the role Coordinator.");
        capabilities.WhyNot(Act.StartTask).ShouldBe("The task is Assigned; this needs it to be Accepted.");
    }

    [Fact]
    public void Auditors_read_everything_and_change_nothing_whatever_else_they_are()
    {
        var incident = Earthquake();

        Rules.Decide(Act.ViewTask, Subjects.ForTask(incident, Guid.NewGuid(), TaskState.Open, null), Auditor).Allowed.ShouldBeTrue();
        Rules.Decide(Act.SetSeverity, OnIncident(incident), Auditor).Reason?.ToString().ShouldBe("Auditors read the record; they do not change it.");
        Rules.Decide(Act.SignCheckpoints, new Subject(SubjectKind.Registry), Auditor).Allowed.ShouldBeTrue();
    }

    [Fact]
    public void Nothing_changes_on_a_closed_incident()
    {
        Rules.Decide(Act.SetSeverity, OnIncident(Earthquake(IncidentState.Closed)), CityCoordinator)
            .ShouldBeConflict("The incident is closed; nothing more can be changed on it.");
    }

    [Fact]
    public void Asking_to_join_is_for_outsiders_not_yet_listed()
    {
        var incident = Earthquake() with { AskedToJoin = new HashSet<Guid> { FoodBank } };

        Rules.Decide(Act.AskToJoin, OnIncident(incident), VillageStaff).Allowed.ShouldBeTrue();
        Rules.Decide(Act.AskToJoin, OnIncident(incident), RedCrossManager).ShouldBeConflict("Your organisation already takes part in this incident.");
        Rules.Decide(Act.AskToJoin, OnIncident(incident), FoodBankManager).ShouldBeConflict("Your organisation has already asked to join; a coordinator will answer.");
    }

    [Fact]
    public void Nobody_signed_out_passes_anything_but_the_public_acts()
    {
        Rules.Decide(Act.ViewIncident, OnIncident(Earthquake()), Reader.Anonymous).Refusal.ShouldBe(Refusal.NotSignedIn);
        Rules.Decide(Act.SignIn, new Subject(SubjectKind.Public), Reader.Anonymous).Allowed.ShouldBeTrue();
    }
}

/// <summary>Decisions compared by what they say in English: a refusal's reason is a phrase (ADR 0037).</summary>
internal static class DecisionAssertions
{
    public static void ShouldBeConflict(this Decision decision, string reason)
    {
        decision.Refusal.ShouldBe(Refusal.Conflict);
        decision.Reason?.ToString().ShouldBe(reason);
    }
}
