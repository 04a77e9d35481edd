using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrisisCoord.Application.Timeline;

/// <summary>A recorded event as a sentence reads it: who acted (an organisation's name, else a person's), and what was recorded.</summary>
public sealed record RecordedEvent(DateTimeOffset At, string Actor, string Action, string EntityType, string EntityId, string Payload);

/// <summary>
/// The one place that turns a recorded event (action + payload) into a plain-language sentence, for the
/// after-action review. Ids in the payload are named from <c>names</c> (organisations, tasks, objectives,
/// resource types); an action it does not know still reads as a sentence. The result is plain text: pages encode it.
/// </summary>
public static class TimelineSentences
{
    /// <summary>The sentence; <c>grade</c> is the incident's grade once the event was recorded, for a verification that keeps the grade.</summary>
    public static string Describe(RecordedEvent e, IReadOnlyDictionary<Guid, string> names, string? grade = null)
    {
        var change = MainChange(e);
        string? Value(string key) => Text(change?[key]);
        string Name(string key, string otherwise) =>
            Guid.TryParse(Value(key), out var id) && names.TryGetValue(id, out var name) ? name : otherwise;
        string Subject() => Guid.TryParse(e.EntityId, out var id) && names.TryGetValue(id, out var name) ? $" “{name}”" : "";
        string Because(string key) => Value(key) is { Length: > 0 } reason ? $": {reason}" : "";
        var a = e.Actor;

        return e.Action switch
        {
            "LogIncident" => $"{a} reported “{Value("title")}”{(Value("severity") is { } reported ? $", graded {reported}" : " without a grade")}.",
            "TransitionIncident" => Transition(a, From(change?["state"]), Value("state"), Value("severity") ?? grade, Because("stateReason")),
            "SetIncidentLead" => $"{a} made {Name("leadOrganisationId", "an organisation")} the lead organisation.",
            "SetIncidentSeverity" => $"{a} regraded the incident from {From(change?["severity"])} to {Value("severity")}{Because("severityReason")}.",
            "EditIncident" => $"{a} corrected the incident's details{Because("detailsReason")}.",
            "MergeIncident" => $"{a} closed the incident as a duplicate of another.",
            "LinkIncidents" => $"{a} linked a related incident.",
            "UnlinkIncidents" => $"{a} removed the link to a related incident.",
            "AdmitParticipant" => $"{a} admitted {Name("organisationId", "an organisation")} to the response.",
            "RequestToJoin" => $"{a} asked to take part.",
            "SetObjective" => $"{a} set the objective “{Value("title")}”.",
            "RecordObjectiveProgress" => $"{a} recorded progress of {Number(Value("progress"))} on the objective{Subject()}.",
            "WaiveObjective" => $"{a} waived the objective{Subject()}{Because("waiverReason")}.",
            "CreateTask" => $"{a} created the task “{Value("title")}”{(Value("assignedOrganisationId") is null ? "" : $" for {Name("assignedOrganisationId", "an organisation")}")}.",
            "AssignTask" => $"{a} gave the task{Subject()} to {Name("assignedOrganisationId", "an organisation")}.",
            "ClaimTask" => $"{a} took on the task{Subject()}.",
            "AcceptTask" => $"{a} accepted the task{Subject()}.",
            "DeclineTask" => $"{a} declined the task{Subject()}{Because("reason")}.",
            "StartTask" => $"{a} started work on the task{Subject()}.",
            "CompleteTask" => $"{a} completed the task{Subject()}.",
            "CancelTask" => $"{a} cancelled the task{Subject()}{Because("reason")}.",
            "SubmitSituationReport" => $"{a} submitted a situation report: “{Value("summary")}”",
            "PostLogEntry" => $"{a} posted to the shared log: “{Value("text")}”",
            "RaiseResourceRequest" => $"{a} asked for {Number(Value("quantity"))} × {Name("resourceTypeId", "resources")}.",
            "AskOrganisation" => $"{a} asked {Name("organisationId", "an organisation")} for resources.",
            "OfferResources" => $"{a} offered resources.",
            "RespondToResourceRequest" => $"{a} answered a resource request.",
            "CommitOffer" => $"{a} committed offered resources to the incident.",
            "ReportCommitment" => $"{a} reported committed resources {Words(Value("state") ?? "moved").ToLowerInvariant()}.",
            "ReleaseCommitment" => $"{a} released committed resources.",
            "CloseResourceRequest" => $"{a} closed a resource request{Because("closedReason")}.",
            "DraftWarning" => $"{a} drafted a public warning.",
            "ApproveAndPublishWarning" => $"{a} published a public warning.",
            "EditWarning" => $"{a} updated a public warning.",
            "CancelWarning" => $"{a} withdrew a public warning.",
            "AddReviewLesson" => $"{a} added a {Words(Value("kind") ?? "note").ToLowerInvariant()} to the review.",
            "CommentOnReview" => $"{a} commented on the review.",
            "SignReview" => $"{a} signed the after-action review.",
            "RecordDamageAssessment" => $"{a} assessed damage and needs at {Value("placeName")}.",
            "StartRecoveryProject" => $"{a} started the recovery project “{Value("title")}” for {Name("ownerOrganisationId", "an organisation")}, budget {Number(Value("budgetAmount"))} {Value("budgetCurrency")}.",
            "EditRecoveryProject" => $"{a} updated the recovery project{Subject()}.",
            "AddMilestone" => $"{a} added the milestone “{Value("title")}”, due {Value("dueOn")}, to {Name("projectId", "a recovery project")}.",
            "MarkMilestone" => $"{a} marked the milestone{Subject()} {(Value("done") == "true" ? "done" : "not done")}.",
            "OpenShelter" => $"{a} opened the shelter “{Value("name")}” at {Value("placeName")} for {Number(Value("capacity"))} people.",
            "UpdateShelterOccupancy" => $"{a} recorded {Number(Value("occupancy"))} people at the shelter{Subject()}.",
            "DistributeRelief" => $"{a} handed out {Number(Value("quantity"))} × {Name("resourceTypeId", "relief")} to {Number(Value("households"))} households at {Value("placeName")}.",
            _ => $"{a} recorded “{Words(e.Action).ToLowerInvariant()}” on {Words(e.EntityType).ToLowerInvariant()}.",
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

    private static string Transition(string actor, string? from, string? to, string? grade, string because) => (from, to) switch
    {
        ("Reported", "Dismissed") => $"{actor} dismissed the report{because}.",
        ("Reported", _) => $"{actor} verified the incident{(grade is null ? "" : $" and graded it {grade}")}, moving it into the {to} phase{because}.",
        (_, "Closed") => $"{actor} closed the incident{because}.",
        (_, "Dismissed") => $"{actor} dismissed the incident{because}.",
        _ => $"{actor} moved the incident into the {to} phase{because}.",
    };

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
