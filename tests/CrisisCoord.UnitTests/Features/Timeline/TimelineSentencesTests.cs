using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CrisisCoord.Application.Features.Audit;
using CrisisCoord.Application.Features.Reviews;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Incidents;

using CrisisCoord.UnitTests.Localization;

namespace CrisisCoord.UnitTests.Features.Timeline;

/// <summary>
/// The review's sentences (ADR 0037 phrases): their English is what the review's hash covers, so it must read exactly as
/// before (the expected texts were taken from the implementation before the sentences became phrases); a Chinese
/// reader reads them in Chinese, with names and quoted text as they are.
/// </summary>
public sealed partial class TimelineSentencesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Bureau = Guid.Parse("00000000-0000-0000-0000-0000000000b1");
    private static readonly Guid Team = Guid.Parse("00000000-0000-0000-0000-0000000000b2");
    private static readonly Guid TaskId = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    private static readonly Guid ObjectiveId = Guid.Parse("00000000-0000-0000-0000-0000000000c2");
    private static readonly Guid Blanket = Guid.Parse("00000000-0000-0000-0000-0000000000c3");
    private static readonly Guid Project = Guid.Parse("00000000-0000-0000-0000-0000000000c4");
    private static readonly Guid MilestoneId = Guid.Parse("00000000-0000-0000-0000-0000000000c5");
    private static readonly Guid ShelterId = Guid.Parse("00000000-0000-0000-0000-0000000000c6");
    private static readonly Guid Unknown = Guid.Parse("00000000-0000-0000-0000-0000000000ff");

    private static readonly Dictionary<Guid, string> Names = new()
    {
        [Bureau] = "Qinghe City Emergency Management Bureau",
        [Team] = "Blue Sky Volunteer Rescue Team",
        [TaskId] = "Search collapsed houses <b>now</b>",
        [ObjectiveId] = "Shelter displaced residents",
        [Blanket] = "Blanket",
        [Project] = "Wash down Gate 3",
        [MilestoneId] = "Seal off Gate 3",
        [ShelterId] = "Sports hall",
    };

    /// <summary>A representative event of each action the sentences know, and of each way a sentence varies.</summary>
    public static readonly TheoryData<string, string, string, string, string?, string> Events = new()
    {
        { "LogIncident", "Incident", "i1", """{"title":"Cracks in the dam","severity":"IV"}""", null, "Blue Sky Volunteer Rescue Team reported “Cracks in the dam”, graded IV." },
        { "LogIncident", "Incident", "i1", """{"title":"<script>alert(1)</script>"}""", null, "Blue Sky Volunteer Rescue Team reported “<script>alert(1)</script>” without a grade." },
        { "TransitionIncident", "Incident", "i1", """{"state":{"from":"Reported","to":"Dismissed"},"stateReason":{"from":"","to":"A prank"}}""", null, "Blue Sky Volunteer Rescue Team dismissed the report: A prank." },
        { "TransitionIncident", "Incident", "i1", """{"state":{"from":"Reported","to":"Dismissed"}}""", null, "Blue Sky Volunteer Rescue Team dismissed the report." },
        { "TransitionIncident", "Incident", "i1", """{"state":{"from":"Reported","to":"Response"},"severity":{"from":"IV","to":"III"}}""", null, "Blue Sky Volunteer Rescue Team verified the incident and graded it III, moving it into the Response phase." },
        { "TransitionIncident", "Incident", "i1", """{"state":{"from":"Reported","to":"Warning"}}""", "II", "Blue Sky Volunteer Rescue Team verified the incident and graded it II, moving it into the Warning phase." },
        { "TransitionIncident", "Incident", "i1", """{"state":{"from":"Reported","to":"Warning"}}""", null, "Blue Sky Volunteer Rescue Team verified the incident, moving it into the Warning phase." },
        { "TransitionIncident", "Incident", "i1", """{"state":{"from":"Recovery","to":"Closed"},"stateReason":{"from":"","to":"All done"}}""", null, "Blue Sky Volunteer Rescue Team closed the incident: All done." },
        { "TransitionIncident", "Incident", "i1", """{"state":{"from":"Warning","to":"Dismissed"}}""", null, "Blue Sky Volunteer Rescue Team dismissed the incident." },
        { "TransitionIncident", "Incident", "i1", """{"state":{"from":"Response","to":"Recovery"},"stateReason":{"from":"","to":"Leak sealed"}}""", null, "Blue Sky Volunteer Rescue Team moved the incident into the Recovery phase: Leak sealed." },
        { "TransitionIncident", "Incident", "i1", """{"state":{"from":"Response","to":"Oddity"}}""", null, "Blue Sky Volunteer Rescue Team moved the incident into the Oddity phase." },
        { "SetIncidentLead", "Incident", "i1", $$$"""{"leadOrganisationId":{"from":null,"to":"{{{Bureau}}}"}}""", null, "Blue Sky Volunteer Rescue Team made Qinghe City Emergency Management Bureau the lead organisation." },
        { "SetIncidentLead", "Incident", "i1", $$$"""{"leadOrganisationId":{"from":null,"to":"{{{Unknown}}}"}}""", null, "Blue Sky Volunteer Rescue Team made an organisation the lead organisation." },
        { "SetIncidentSeverity", "Incident", "i1", """{"severity":{"from":"III","to":"II"},"severityReason":{"from":"","to":"Reservoir rising"}}""", null, "Blue Sky Volunteer Rescue Team regraded the incident from III to II: Reservoir rising." },
        { "SetIncidentSeverity", "Incident", "i1", """{"severity":{"from":"III","to":"II"}}""", null, "Blue Sky Volunteer Rescue Team regraded the incident from III to II." },
        { "EditIncident", "Incident", "i1", """{"detailsReason":{"from":"","to":"Typo"}}""", null, "Blue Sky Volunteer Rescue Team corrected the incident's details: Typo." },
        { "EditIncident", "Incident", "i1", """{}""", null, "Blue Sky Volunteer Rescue Team corrected the incident's details." },
        { "MergeIncident", "Incident", "i1", """{"state":{"from":"Response","to":"Merged"}}""", null, "Blue Sky Volunteer Rescue Team closed the incident as a duplicate of another." },
        { "LinkIncidents", "IncidentLink", "l1", """{}""", null, "Blue Sky Volunteer Rescue Team linked a related incident." },
        { "UnlinkIncidents", "IncidentLink", "l1", """{}""", null, "Blue Sky Volunteer Rescue Team removed the link to a related incident." },
        { "AdmitParticipant", "IncidentParticipant", "p1", $$"""{"organisationId":"{{Team}}"}""", null, "Blue Sky Volunteer Rescue Team admitted Blue Sky Volunteer Rescue Team to the response." },
        { "AdmitParticipant", "IncidentParticipant", "p1", """{}""", null, "Blue Sky Volunteer Rescue Team admitted an organisation to the response." },
        { "RequestToJoin", "IncidentParticipant", "p1", """{}""", null, "Blue Sky Volunteer Rescue Team asked to take part." },
        { "SetObjective", "Objective", ObjectiveId.ToString(), """{"title":"Shelter displaced residents"}""", null, "Blue Sky Volunteer Rescue Team set the objective “Shelter displaced residents”." },
        { "RecordObjectiveProgress", "Objective", ObjectiveId.ToString(), """{"progress":{"from":10,"to":1234.5}}""", null, "Blue Sky Volunteer Rescue Team recorded progress of 1,234.5 on the objective “Shelter displaced residents”." },
        { "RecordObjectiveProgress", "Objective", Unknown.ToString(), """{"progress":{"from":10,"to":"n/a"}}""", null, "Blue Sky Volunteer Rescue Team recorded progress of n/a on the objective." },
        { "WaiveObjective", "Objective", ObjectiveId.ToString(), """{"waiverReason":{"from":"","to":"Out of scope"}}""", null, "Blue Sky Volunteer Rescue Team waived the objective “Shelter displaced residents”: Out of scope." },
        { "CreateTask", "IncidentTask", TaskId.ToString(), $$"""{"title":"Search collapsed houses <b>now</b>","assignedOrganisationId":"{{Team}}"}""", null, "Blue Sky Volunteer Rescue Team created the task “Search collapsed houses <b>now</b>” for Blue Sky Volunteer Rescue Team." },
        { "CreateTask", "IncidentTask", TaskId.ToString(), """{"title":"Fill sandbags"}""", null, "Blue Sky Volunteer Rescue Team created the task “Fill sandbags”." },
        { "AssignTask", "IncidentTask", TaskId.ToString(), $$$"""{"assignedOrganisationId":{"from":null,"to":"{{{Team}}}"}}""", null, "Blue Sky Volunteer Rescue Team gave the task “Search collapsed houses <b>now</b>” to Blue Sky Volunteer Rescue Team." },
        { "ClaimTask", "IncidentTask", TaskId.ToString(), """{}""", null, "Blue Sky Volunteer Rescue Team took on the task “Search collapsed houses <b>now</b>”." },
        { "AcceptTask", "IncidentTask", TaskId.ToString(), """{}""", null, "Blue Sky Volunteer Rescue Team accepted the task “Search collapsed houses <b>now</b>”." },
        { "AcceptTask", "IncidentTask", Unknown.ToString(), """{}""", null, "Blue Sky Volunteer Rescue Team accepted the task." },
        { "DeclineTask", "IncidentTask", TaskId.ToString(), """{"reason":{"from":"","to":"No boats"}}""", null, "Blue Sky Volunteer Rescue Team declined the task “Search collapsed houses <b>now</b>”: No boats." },
        { "StartTask", "IncidentTask", TaskId.ToString(), """{}""", null, "Blue Sky Volunteer Rescue Team started work on the task “Search collapsed houses <b>now</b>”." },
        { "CompleteTask", "IncidentTask", TaskId.ToString(), """{}""", null, "Blue Sky Volunteer Rescue Team completed the task “Search collapsed houses <b>now</b>”." },
        { "CancelTask", "IncidentTask", TaskId.ToString(), """{"reason":{"from":"","to":"Not needed"}}""", null, "Blue Sky Volunteer Rescue Team cancelled the task “Search collapsed houses <b>now</b>”: Not needed." },
        { "SubmitSituationReport", "SituationReport", "s1", """{"summary":"Two shelters open"}""", null, "Blue Sky Volunteer Rescue Team submitted a situation report: “Two shelters open”" },
        { "PostLogEntry", "LogEntry", "g1", """{"text":"Team 3 pulled two people alive"}""", null, "Blue Sky Volunteer Rescue Team posted to the shared log: “Team 3 pulled two people alive”" },
        { "RaiseResourceRequest", "ResourceRequest", "r1", $$"""{"quantity":2000,"resourceTypeId":"{{Blanket}}"}""", null, "Blue Sky Volunteer Rescue Team asked for 2,000 × Blanket." },
        { "RaiseResourceRequest", "ResourceRequest", "r1", """{"quantity":3}""", null, "Blue Sky Volunteer Rescue Team asked for 3 × resources." },
        { "AskOrganisation", "RequestAddressee", "a1", $$"""{"organisationId":"{{Team}}"}""", null, "Blue Sky Volunteer Rescue Team asked Blue Sky Volunteer Rescue Team for resources." },
        { "AskOrganisation", "RequestAddressee", "a1", """{}""", null, "Blue Sky Volunteer Rescue Team asked an organisation for resources." },
        { "OfferResources", "ResourceOffer", "o1", """{}""", null, "Blue Sky Volunteer Rescue Team offered resources." },
        { "RespondToResourceRequest", "ResourceOffer", "o1", """{}""", null, "Blue Sky Volunteer Rescue Team answered a resource request." },
        { "CommitOffer", "ResourceCommitment", "c1", """{}""", null, "Blue Sky Volunteer Rescue Team committed offered resources to the incident." },
        { "ReportCommitment", "ResourceCommitment", "c1", """{"state":{"from":"Committed","to":"EnRoute"}}""", null, "Blue Sky Volunteer Rescue Team reported committed resources en route." },
        { "ReportCommitment", "ResourceCommitment", "c1", """{"state":{"from":"EnRoute","to":"Arrived"}}""", null, "Blue Sky Volunteer Rescue Team reported committed resources arrived." },
        { "ReportCommitment", "ResourceCommitment", "c1", """{}""", null, "Blue Sky Volunteer Rescue Team reported committed resources moved." },
        { "ReleaseCommitment", "ResourceCommitment", "c1", """{}""", null, "Blue Sky Volunteer Rescue Team released committed resources." },
        { "CloseResourceRequest", "ResourceRequest", "r1", """{"closedReason":{"from":"","to":"Delivered"}}""", null, "Blue Sky Volunteer Rescue Team closed a resource request: Delivered." },
        { "DraftWarning", "Warning", "w1", """{}""", null, "Blue Sky Volunteer Rescue Team drafted a public warning." },
        { "ApproveAndPublishWarning", "Warning", "w1", """{}""", null, "Blue Sky Volunteer Rescue Team published a public warning." },
        { "EditWarning", "Warning", "w1", """{}""", null, "Blue Sky Volunteer Rescue Team updated a public warning." },
        { "CancelWarning", "Warning", "w1", """{}""", null, "Blue Sky Volunteer Rescue Team withdrew a public warning." },
        { "AddReviewLesson", "ReviewNote", "n1", """{"kind":"Lesson"}""", null, "Blue Sky Volunteer Rescue Team added a lesson to the review." },
        { "AddReviewLesson", "ReviewNote", "n1", """{"kind":"Finding"}""", null, "Blue Sky Volunteer Rescue Team added a finding to the review." },
        { "AddReviewLesson", "ReviewNote", "n1", """{}""", null, "Blue Sky Volunteer Rescue Team added a note to the review." },
        { "CommentOnReview", "ReviewNote", "n1", """{"kind":"Comment"}""", null, "Blue Sky Volunteer Rescue Team commented on the review." },
        { "SignReview", "ReviewSignature", "x1", """{}""", null, "Blue Sky Volunteer Rescue Team signed the after-action review." },
        { "RecordDamageAssessment", "DamageAssessment", "d1", """{"placeName":"Xiba Middle School"}""", null, "Blue Sky Volunteer Rescue Team assessed damage and needs at Xiba Middle School." },
        { "StartRecoveryProject", "RecoveryProject", Project.ToString(), $$"""{"title":"Flush the channel","ownerOrganisationId":"{{Bureau}}","budgetAmount":480000,"budgetCurrency":"CNY"}""", null, "Blue Sky Volunteer Rescue Team started the recovery project “Flush the channel” for Qinghe City Emergency Management Bureau, budget 480,000 CNY." },
        { "StartRecoveryProject", "RecoveryProject", Project.ToString(), """{"title":"Flush the channel","budgetAmount":1.5,"budgetCurrency":"CNY"}""", null, "Blue Sky Volunteer Rescue Team started the recovery project “Flush the channel” for an organisation, budget 1.5 CNY." },
        { "EditRecoveryProject", "RecoveryProject", Project.ToString(), """{}""", null, "Blue Sky Volunteer Rescue Team updated the recovery project “Wash down Gate 3”." },
        { "AddMilestone", "Milestone", MilestoneId.ToString(), $$"""{"title":"Seal off Gate 3","dueOn":"2026-12-10","projectId":"{{Project}}"}""", null, "Blue Sky Volunteer Rescue Team added the milestone “Seal off Gate 3”, due 2026-12-10, to Wash down Gate 3." },
        { "AddMilestone", "Milestone", MilestoneId.ToString(), """{"title":"Seal off Gate 3","dueOn":"2026-12-10"}""", null, "Blue Sky Volunteer Rescue Team added the milestone “Seal off Gate 3”, due 2026-12-10, to a recovery project." },
        { "MarkMilestone", "Milestone", MilestoneId.ToString(), """{"done":{"from":false,"to":true}}""", null, "Blue Sky Volunteer Rescue Team marked the milestone “Seal off Gate 3” done." },
        { "MarkMilestone", "Milestone", MilestoneId.ToString(), """{"done":{"from":true,"to":false}}""", null, "Blue Sky Volunteer Rescue Team marked the milestone “Seal off Gate 3” not done." },
        { "OpenShelter", "Shelter", ShelterId.ToString(), """{"name":"Sports hall","placeName":"Xiba","capacity":1200}""", null, "Blue Sky Volunteer Rescue Team opened the shelter “Sports hall” at Xiba for 1,200 people." },
        { "UpdateShelterOccupancy", "Shelter", ShelterId.ToString(), """{"occupancy":{"from":212,"to":186}}""", null, "Blue Sky Volunteer Rescue Team recorded 186 people at the shelter “Sports hall”." },
        { "DistributeRelief", "ReliefDistribution", "v1", $$"""{"quantity":300,"households":150,"placeName":"Sports hall","resourceTypeId":"{{Blanket}}"}""", null, "Blue Sky Volunteer Rescue Team handed out 300 × Blanket to 150 households at Sports hall." },
        { "DistributeRelief", "ReliefDistribution", "v1", """{"quantity":300,"households":150,"placeName":"Sports hall"}""", null, "Blue Sky Volunteer Rescue Team handed out 300 × relief to 150 households at Sports hall." },
        { "PostCheckIn", "CheckIn", "k1", """{}""", null, "Blue Sky Volunteer Rescue Team recorded “post check in” on check in." },
        { "TurnCheckInIntoTask", "CheckIn", "k1", """{}""", null, "Blue Sky Volunteer Rescue Team recorded “turn check in into task” on check in." },
        { "RecordObligationBreach", "ObligationBreach", "b1", """{}""", null, "Blue Sky Volunteer Rescue Team recorded “record obligation breach” on obligation breach." },
        { "SomethingNew", "OddThing", "z1", """{}""", null, "Blue Sky Volunteer Rescue Team recorded “something new” on odd thing." },
        { "LogIncident", "Incident", "i1", """not json""", null, "Blue Sky Volunteer Rescue Team reported “” without a grade." },
    };

    private static RecordedEvent Event(string action, string entity, string id, string values) =>
        new(Now, "Blue Sky Volunteer Rescue Team", action, entity, id,
            values.StartsWith('{') ? $$"""{"changes":[{"entity":"{{entity}}","id":"{{id}}","values":{{values}}}]}""" : values);

    [Theory]
    [MemberData(nameof(Events))]
    public void Each_sentence_reads_in_english_exactly_as_before(string action, string entity, string id, string values, string? grade, string english) =>
        TimelineSentences.Describe(Event(action, entity, id, values), Names, grade).ShouldBe(english);

    [Theory]
    [MemberData(nameof(Events))]
    public void Said_in_english_each_sentence_is_its_english(string action, string entity, string id, string values, string? grade, string english) =>
        Culture.In(Languages.English, () => TimelineSentences.Sentence(Event(action, entity, id, values), Names, grade).Say()).ShouldBe(english);

    [Theory]
    [MemberData(nameof(Events))]
    public void Said_in_chinese_each_sentence_has_no_english_but_what_was_typed(string action, string entity, string id, string values, string? grade, string english)
    {
        var said = Culture.In(Languages.Chinese, () => TimelineSentences.Sentence(Event(action, entity, id, values), Names, grade).Say());

        said.ShouldNotBe(english);
        // Take away what people typed or named (names, titles, reasons, places): no English word may be left.
        var left = said;
        foreach (var typed in Names.Values.Concat(Typed(values)).Append(Actor).Where(t => t.Length > 0).OrderByDescending(t => t.Length))
        {
            left = left.Replace(typed, "", StringComparison.Ordinal);
        }

        var leftWords = EnglishWord().Matches(left).Select(m => m.Value).Where(w => w is not ("CNY" or "II" or "III" or "IV")).ToList();
        if (action == "SomethingNew")
        {
            // An action no text names yet is shown by its words, never left out.
            leftWords.ShouldBe(["something", "new"]);
        }
        else
        {
            leftWords.ShouldBeEmpty($"{action}: {said}");
        }
    }

    [Fact]
    public void Sentences_read_in_chinese_with_the_values_in_place()
    {
        string Say(string action, string entity, string id, string values, string? grade = null, bool bySystem = false) =>
            Culture.In(Languages.Chinese, () => TimelineSentences.Sentence(
                Event(action, entity, id, values) with { BySystem = bySystem, Actor = bySystem ? "CrisisCoord (system)" : Actor }, Names, grade).Say());

        Say("LogIncident", "Incident", "i1", """{"title":"<script>alert(1)</script>","severity":"IV"}""")
            .ShouldBe("Blue Sky Volunteer Rescue Team报告了“<script>alert(1)</script>”，定为IV级。");
        Say("TransitionIncident", "Incident", "i1", """{"state":{"from":"Reported","to":"Response"}}""", "II")
            .ShouldBe("Blue Sky Volunteer Rescue Team核实了该事件并定为II级，进入响应阶段。");
        Say("TransitionIncident", "Incident", "i1", """{"state":{"from":"Response","to":"Recovery"},"stateReason":{"from":"","to":"堵漏完成"}}""")
            .ShouldBe("Blue Sky Volunteer Rescue Team使该事件进入恢复阶段：堵漏完成。");
        Say("AcceptTask", "IncidentTask", TaskId.ToString(), "{}").ShouldBe("Blue Sky Volunteer Rescue Team接受了任务“Search collapsed houses <b>now</b>”。");
        Say("AcceptTask", "IncidentTask", Unknown.ToString(), "{}").ShouldBe("Blue Sky Volunteer Rescue Team接受了任务。");
        Say("ReportCommitment", "ResourceCommitment", "c1", """{"state":{"from":"Committed","to":"EnRoute"}}""").ShouldBe("Blue Sky Volunteer Rescue Team报告承诺调拨的资源正在途中。");
        Say("PostCheckIn", "CheckIn", "k1", "{}").ShouldBe("Blue Sky Volunteer Rescue Team执行了“报平安”（报平安记录）。");
        Say("RecordObligationBreach", "ObligationBreach", "b1", "{}", bySystem: true).ShouldBe("CrisisCoord（系统）执行了“记录未履行义务”（未履行义务记录）。");
        TimelineSentences.Describe(Event("RecordObligationBreach", "ObligationBreach", "b1", "{}") with { BySystem = true, Actor = "CrisisCoord (system)" }, Names)
            .ShouldBe("CrisisCoord (system) recorded “record obligation breach” on obligation breach.");
    }

    [Fact]
    public void Every_action_the_timeline_can_hold_is_named_in_chinese()
    {
        foreach (var action in TimelineEvents.KnownActions)
        {
            var said = Culture.In(Languages.Chinese, () => TimelineSentences.Sentence(Event(action, "CheckIn", "k1", "{}"), Names).Say());
            EnglishWord().Matches(said.Replace(Actor, "", StringComparison.Ordinal)).ShouldBeEmpty($"{action}: {said}");
        }

        // The words a fallback sentence shows in English are computed from the code; the texts must say the same.
        var english = Texts.Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string ?? "");
        var named = english.Where(e => e.Key.StartsWith("Timeline.Sentence.Action.", StringComparison.Ordinal) || e.Key.StartsWith("Timeline.Sentence.Entity.", StringComparison.Ordinal)).ToList();
        named.Count.ShouldBeGreaterThan(20);
        named.Where(e => e.Value != TimelineSentences.Words(e.Key[(e.Key.LastIndexOf('.') + 1)..]).ToLowerInvariant()).ShouldBeEmpty();
    }

    [Fact]
    public void The_phrase_a_sentence_carries_is_no_part_of_what_is_signed()
    {
        var e = Event("AcceptTask", "IncidentTask", TaskId.ToString(), "{}");
        var phrase = TimelineSentences.Sentence(e, Names);
        ReviewContent Content(ReviewSentence sentence) => new(Guid.Empty, "Levee", "Dongshan", IncidentState.Closed, Severity.II, "Bureau",
            [sentence], [], [], [], [], [], [], []);

        var withPhrase = Content(new ReviewSentence(1, Now, phrase.ToString(), phrase));
        var without = Content(new ReviewSentence(1, Now, phrase.ToString()));
        ReviewDrafter.HashOf(withPhrase).ShouldBe(ReviewDrafter.HashOf(without));
        // What counts is the English: said in English it is the same review, said in Chinese another.
        ReviewDrafter.HashOf(Content(new ReviewSentence(1, Now, phrase.Say()))).ShouldBe(ReviewDrafter.HashOf(without));
        ReviewDrafter.HashOf(Content(new ReviewSentence(1, Now, Culture.In(Languages.Chinese, phrase.Say)))).ShouldNotBe(ReviewDrafter.HashOf(without));
    }

    private const string Actor = "Blue Sky Volunteer Rescue Team";

    private static IEnumerable<string> Typed(string values)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(values);
        }
        catch (System.Text.Json.JsonException)
        {
            yield break;
        }

        var stack = new Stack<JsonNode?>([node]);
        while (stack.TryPop(out var n))
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (_, v) in o)
                    {
                        stack.Push(v);
                    }

                    break;
                case JsonValue v when v.TryGetValue<string>(out var text):
                    yield return text;
                    break;
            }
        }
    }

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex EnglishWord();
}
