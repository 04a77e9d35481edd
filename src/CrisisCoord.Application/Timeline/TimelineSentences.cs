using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Requests;
using CrisisCoord.Domain.Reviews;

namespace CrisisCoord.Application.Timeline;

/// <summary>
/// A recorded event as a sentence reads it: who acted (an organisation's name, else a person's), and what was recorded.
/// <paramref name="BySystem"/>: nobody acted, the portal did; <paramref name="Actor"/> is then its English name.
/// </summary>
public sealed record RecordedEvent(DateTimeOffset At, string Actor, string Action, string EntityType, string EntityId, string Payload, bool BySystem = false);

/// <summary>
/// The one place that turns a recorded event (action + payload) into a plain-language sentence, for the
/// after-action review. Ids in the payload are named from <c>names</c> (organisations, tasks, objectives,
/// resource types); an action it does not know still reads as a sentence. The sentence is a <see cref="Phrase"/>
/// (ADR 0037): its English (<see cref="Describe"/>) is what the review's hash covers, so it never changes; the
/// reader reads it in their language (<c>Say()</c>). Names and quoted text are its values, as typed. The result is
/// plain text: pages encode it.
/// </summary>
public static class TimelineSentences
{
    /// <summary>The portal itself, acting where no person did: its name as stored and in English.</summary>
    public const string SystemName = "CrisisCoord (system)";

    public static readonly Phrase System = new("Timeline.Sentence.System", SystemName);

    /// <summary>The sentence in English; <c>grade</c> is the incident's grade once the event was recorded, for a verification that keeps the grade.</summary>
    public static string Describe(RecordedEvent e, IReadOnlyDictionary<Guid, string> names, string? grade = null) =>
        Sentence(e, names, grade).ToString();

    /// <summary>The sentence, to be said in the reader's language; its English is <see cref="Describe"/>.</summary>
    public static Phrase Sentence(RecordedEvent e, IReadOnlyDictionary<Guid, string> names, string? grade = null)
    {
        var change = MainChange(e);
        string? Value(string key) => Text(change?[key]);
        object Name(string key, Phrase otherwise) =>
            Guid.TryParse(Value(key), out var id) && names.TryGetValue(id, out var name) ? name : otherwise;
        object Subject() => Guid.TryParse(e.EntityId, out var id) && names.TryGetValue(id, out var name)
            ? new Phrase("Timeline.Sentence.Subject", " “{0}”", name)
            : "";
        object Because(string key) => Value(key) is { Length: > 0 } reason ? new Phrase("Timeline.Sentence.Because", ": {0}", reason) : "";
        var anOrganisation = new Phrase("Timeline.Sentence.AnOrganisation", "an organisation");
        object a = e.BySystem ? System : e.Actor;

        return e.Action switch
        {
            "LogIncident" => Value("severity") is { } reported
                ? new Phrase("Timeline.Sentence.LogIncident", "{0} reported “{1}”, graded {2}.", a, Value("title"), reported)
                : new Phrase("Timeline.Sentence.LogIncidentUngraded", "{0} reported “{1}” without a grade.", a, Value("title")),
            "TransitionIncident" => Transition(a, From(change?["state"]), Value("state"), Value("severity") ?? grade, Because("stateReason")),
            "SetIncidentLead" => new Phrase("Timeline.Sentence.SetIncidentLead", "{0} made {1} the lead organisation.", a, Name("leadOrganisationId", anOrganisation)),
            "SetIncidentSeverity" => new Phrase("Timeline.Sentence.SetIncidentSeverity", "{0} regraded the incident from {1} to {2}{3}.", a, From(change?["severity"]), Value("severity"), Because("severityReason")),
            "EditIncident" => new Phrase("Timeline.Sentence.EditIncident", "{0} corrected the incident's details{1}.", a, Because("detailsReason")),
            "MergeIncident" => new Phrase("Timeline.Sentence.MergeIncident", "{0} closed the incident as a duplicate of another.", a),
            "LinkIncidents" => new Phrase("Timeline.Sentence.LinkIncidents", "{0} linked a related incident.", a),
            "UnlinkIncidents" => new Phrase("Timeline.Sentence.UnlinkIncidents", "{0} removed the link to a related incident.", a),
            "AdmitParticipant" => new Phrase("Timeline.Sentence.AdmitParticipant", "{0} admitted {1} to the response.", a, Name("organisationId", anOrganisation)),
            "RequestToJoin" => new Phrase("Timeline.Sentence.RequestToJoin", "{0} asked to take part.", a),
            "SetObjective" => new Phrase("Timeline.Sentence.SetObjective", "{0} set the objective “{1}”.", a, Value("title")),
            "RecordObjectiveProgress" => new Phrase("Timeline.Sentence.RecordObjectiveProgress", "{0} recorded progress of {1} on the objective{2}.", a, Number(Value("progress")), Subject()),
            "WaiveObjective" => new Phrase("Timeline.Sentence.WaiveObjective", "{0} waived the objective{1}{2}.", a, Subject(), Because("waiverReason")),
            "CreateTask" => Value("assignedOrganisationId") is null
                ? new Phrase("Timeline.Sentence.CreateTask", "{0} created the task “{1}”.", a, Value("title"))
                : new Phrase("Timeline.Sentence.CreateTaskFor", "{0} created the task “{1}” for {2}.", a, Value("title"), Name("assignedOrganisationId", anOrganisation)),
            "AssignTask" => new Phrase("Timeline.Sentence.AssignTask", "{0} gave the task{1} to {2}.", a, Subject(), Name("assignedOrganisationId", anOrganisation)),
            "ClaimTask" => new Phrase("Timeline.Sentence.ClaimTask", "{0} took on the task{1}.", a, Subject()),
            "AcceptTask" => new Phrase("Timeline.Sentence.AcceptTask", "{0} accepted the task{1}.", a, Subject()),
            "DeclineTask" => new Phrase("Timeline.Sentence.DeclineTask", "{0} declined the task{1}{2}.", a, Subject(), Because("reason")),
            "StartTask" => new Phrase("Timeline.Sentence.StartTask", "{0} started work on the task{1}.", a, Subject()),
            "CompleteTask" => new Phrase("Timeline.Sentence.CompleteTask", "{0} completed the task{1}.", a, Subject()),
            "CancelTask" => new Phrase("Timeline.Sentence.CancelTask", "{0} cancelled the task{1}{2}.", a, Subject(), Because("reason")),
            "SubmitSituationReport" => new Phrase("Timeline.Sentence.SubmitSituationReport", "{0} submitted a situation report: “{1}”", a, Value("summary")),
            "PostLogEntry" => new Phrase("Timeline.Sentence.PostLogEntry", "{0} posted to the shared log: “{1}”", a, Value("text")),
            "RaiseResourceRequest" => new Phrase("Timeline.Sentence.RaiseResourceRequest", "{0} asked for {1} × {2}.", a, Number(Value("quantity")),
                Name("resourceTypeId", new Phrase("Timeline.Sentence.SomeResources", "resources"))),
            "AskOrganisation" => new Phrase("Timeline.Sentence.AskOrganisation", "{0} asked {1} for resources.", a, Name("organisationId", anOrganisation)),
            "OfferResources" => new Phrase("Timeline.Sentence.OfferResources", "{0} offered resources.", a),
            "RespondToResourceRequest" => new Phrase("Timeline.Sentence.RespondToResourceRequest", "{0} answered a resource request.", a),
            "CommitOffer" => new Phrase("Timeline.Sentence.CommitOffer", "{0} committed offered resources to the incident.", a),
            "ReportCommitment" => new Phrase("Timeline.Sentence.ReportCommitment", "{0} reported committed resources {1}.", a, Commitment(Value("state"))),
            "ReleaseCommitment" => new Phrase("Timeline.Sentence.ReleaseCommitment", "{0} released committed resources.", a),
            "CloseResourceRequest" => new Phrase("Timeline.Sentence.CloseResourceRequest", "{0} closed a resource request{1}.", a, Because("closedReason")),
            "DraftWarning" => new Phrase("Timeline.Sentence.DraftWarning", "{0} drafted a public warning.", a),
            "ApproveAndPublishWarning" => new Phrase("Timeline.Sentence.ApproveAndPublishWarning", "{0} published a public warning.", a),
            "EditWarning" => new Phrase("Timeline.Sentence.EditWarning", "{0} updated a public warning.", a),
            "CancelWarning" => new Phrase("Timeline.Sentence.CancelWarning", "{0} withdrew a public warning.", a),
            "AddReviewLesson" => new Phrase("Timeline.Sentence.AddReviewLesson", "{0} added a {1} to the review.", a, NoteKind(Value("kind"))),
            "CommentOnReview" => new Phrase("Timeline.Sentence.CommentOnReview", "{0} commented on the review.", a),
            "SignReview" => new Phrase("Timeline.Sentence.SignReview", "{0} signed the after-action review.", a),
            "RecordDamageAssessment" => new Phrase("Timeline.Sentence.RecordDamageAssessment", "{0} assessed damage and needs at {1}.", a, Value("placeName")),
            "StartRecoveryProject" => new Phrase("Timeline.Sentence.StartRecoveryProject", "{0} started the recovery project “{1}” for {2}, budget {3} {4}.",
                a, Value("title"), Name("ownerOrganisationId", anOrganisation), Number(Value("budgetAmount")), Value("budgetCurrency")),
            "EditRecoveryProject" => new Phrase("Timeline.Sentence.EditRecoveryProject", "{0} updated the recovery project{1}.", a, Subject()),
            "AddMilestone" => new Phrase("Timeline.Sentence.AddMilestone", "{0} added the milestone “{1}”, due {2}, to {3}.", a, Value("title"), Value("dueOn"),
                Name("projectId", new Phrase("Timeline.Sentence.ARecoveryProject", "a recovery project"))),
            "MarkMilestone" => Value("done") == "true"
                ? new Phrase("Timeline.Sentence.MarkMilestoneDone", "{0} marked the milestone{1} done.", a, Subject())
                : new Phrase("Timeline.Sentence.MarkMilestoneNotDone", "{0} marked the milestone{1} not done.", a, Subject()),
            "OpenShelter" => new Phrase("Timeline.Sentence.OpenShelter", "{0} opened the shelter “{1}” at {2} for {3} people.", a, Value("name"), Value("placeName"), Number(Value("capacity"))),
            "UpdateShelterOccupancy" => new Phrase("Timeline.Sentence.UpdateShelterOccupancy", "{0} recorded {1} people at the shelter{2}.", a, Number(Value("occupancy")), Subject()),
            "DistributeRelief" => new Phrase("Timeline.Sentence.DistributeRelief", "{0} handed out {1} × {2} to {3} households at {4}.", a, Number(Value("quantity")),
                Name("resourceTypeId", new Phrase("Timeline.Sentence.SomeRelief", "relief")), Number(Value("households")), Value("placeName")),
            _ => new Phrase("Timeline.Sentence.Recorded", "{0} recorded “{1}” on {2}.", a, Named("Timeline.Sentence.Action.", e.Action), Named("Timeline.Sentence.Entity.", e.EntityType)),
        };
    }

    /// <summary>The values of the row the event is about (its entity), else of its first row; null for a payload it cannot read.</summary>
    public static JsonObject? MainChange(RecordedEvent e)
    {
        try
        {
            if (JsonNode.Parse(e.Payload)?["changes"] is not JsonArray changes)
            {
                return null;
            }

            var rows = changes.OfType<JsonObject>().ToList();
            var main = rows.FirstOrDefault(r => Text(r["entity"]) == e.EntityType && Text(r["id"]) == e.EntityId)
                ?? rows.FirstOrDefault(r => Text(r["entity"]) == e.EntityType)
                ?? rows.FirstOrDefault();
            return main?["values"] as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A value as it is now: the <c>to</c> of a change, or the value of a row added.</summary>
    public static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o when o.ContainsKey("to") => Text(o["to"]),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    /// <summary>The value before a change, when the payload says.</summary>
    public static string? From(JsonNode? node) => node is JsonObject o && o.ContainsKey("from") ? Text(o["from"]) : null;

    private static Phrase Transition(object actor, string? from, string? to, string? grade, object because) => (from, to) switch
    {
        ("Reported", "Dismissed") => new Phrase("Timeline.Sentence.DismissReport", "{0} dismissed the report{1}.", actor, because),
        ("Reported", _) => grade is null
            ? new Phrase("Timeline.Sentence.VerifyIncident", "{0} verified the incident, moving it into the {1} phase{2}.", actor, State(to), because)
            : new Phrase("Timeline.Sentence.VerifyAndGradeIncident", "{0} verified the incident and graded it {1}, moving it into the {2} phase{3}.", actor, grade, State(to), because),
        (_, "Closed") => new Phrase("Timeline.Sentence.CloseIncident", "{0} closed the incident{1}.", actor, because),
        (_, "Dismissed") => new Phrase("Timeline.Sentence.DismissIncident", "{0} dismissed the incident{1}.", actor, because),
        _ => new Phrase("Timeline.Sentence.MoveIncident", "{0} moved the incident into the {1} phase{2}.", actor, State(to), because),
    };

    /// <summary>A state the payload names, as a named value when it is one (its English is the same code), else as written.</summary>
    private static object? State(string? text) =>
        Enum.TryParse<IncidentState>(text, out var state) && state.ToString() == text ? new Term(state) : text;

    /// <summary>Where committed resources are: "en route", "arrived"… ("moved" when the payload does not say).</summary>
    private static object Commitment(string? state) => state switch
    {
        null => new Phrase("Timeline.Sentence.CommitmentMoved", "moved"),
        nameof(CommitmentState.Committed) => new Phrase("Timeline.Sentence.CommitmentCommitted", "committed"),
        nameof(CommitmentState.EnRoute) => new Phrase("Timeline.Sentence.CommitmentEnRoute", "en route"),
        nameof(CommitmentState.Arrived) => new Phrase("Timeline.Sentence.CommitmentArrived", "arrived"),
        nameof(CommitmentState.Released) => new Phrase("Timeline.Sentence.CommitmentReleased", "released"),
        _ => Words(state).ToLowerInvariant(),
    };

    /// <summary>What was added to the review: "finding", "lesson"… ("note" when the payload does not say).</summary>
    private static object NoteKind(string? kind) => kind switch
    {
        null => new Phrase("Timeline.Sentence.KindNote", "note"),
        nameof(ReviewNoteKind.Finding) => new Phrase("Timeline.Sentence.KindFinding", "finding"),
        nameof(ReviewNoteKind.Lesson) => new Phrase("Timeline.Sentence.KindLesson", "lesson"),
        nameof(ReviewNoteKind.Comment) => new Phrase("Timeline.Sentence.KindComment", "comment"),
        _ => Words(kind).ToLowerInvariant(),
    };

    /// <summary>
    /// An action or kind of record in the fallback sentence: its words in English ("post check in"), named in other
    /// languages from <paramref name="prefix"/> + the code where the text exists; a kind of record without one is named
    /// as a 404 names it. The English is computed here, not read, so it stays what it always was.
    /// </summary>
    private static object Named(string prefix, string code)
    {
        var words = Words(code).ToLowerInvariant();
        return Texts.Resources.GetString(prefix + code, CultureInfo.InvariantCulture) is not null
            ? new Phrase(prefix + code, words)
            : prefix.EndsWith(".Entity.", StringComparison.Ordinal) ? new Noun(Words(code), Lower: true) : words;
    }

    private static string Number(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n.ToString("#,0.##", CultureInfo.InvariantCulture) : text ?? "";

    /// <summary>"ApproveAndPublishWarning" → "Approve and publish warning".</summary>
    public static string Words(string name)
    {
        var words = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                words.Append(' ').Append(char.ToLowerInvariant(name[i]));
            }
            else
            {
                words.Append(name[i]);
            }
        }

        return words.ToString();
    }
}
