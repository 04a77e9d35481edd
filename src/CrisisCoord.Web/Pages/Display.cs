using System.Globalization;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CrisisCoord.Web.Pages;

/// <summary>How domain values read on a page: words people use, not code names.</summary>
public static class Display
{
    public static string Category(IncidentCategory category) => Texts.Name(category);

    /// <summary>What each category covers, in the words of someone reporting it.</summary>
    public static string CategoryExamples(IncidentCategory category) => category switch
    {
        IncidentCategory.NaturalDisaster => "Flood, earthquake, landslide, storm, drought, forest fire",
        IncidentCategory.AccidentDisaster => "Fire, explosion, chemical or gas leak, collapse, road or rail accident, power or water cut",
        IncidentCategory.PublicHealth => "Outbreak of illness, food poisoning, sick or dead animals",
        IncidentCategory.SocialSecurity => "Violence, crowd crush, riot, attack, unrest",
        _ => "",
    };

    /// <summary>"I · Especially major": the grade's numeral, which every language keeps, and its name (docs/glossary.md).</summary>
    public static string SeverityText(Severity severity) => $"{severity} · {Texts.Name(severity)}";

    public static string NotGraded => Texts.Get("Severity.NotGraded");

    public static string State(IncidentState state) => Texts.Name(state);

    public static string Phase(Phases phase) => Texts.Name(phase);

    public static string TaskState(TaskState state) => Texts.Name(state);

    public static string Right(Right right) => Texts.Name(right);

    public static string Membership(MembershipStatus status) => status switch
    {
        MembershipStatus.Pending => "waiting for the group's answer",
        MembershipStatus.Admitted => "admitted",
        MembershipStatus.Declined => "declined",
        _ => status.ToString(),
    };

    public static string TaskMove(Act move) => move switch
    {
        Act.ClaimTask => "Claim",
        Act.AcceptTask => "Accept",
        Act.DeclineTask => "Decline",
        Act.StartTask => "Start",
        Act.CompleteTask => "Mark done",
        Act.AssignTask => "Assign",
        Act.CancelTask => "Cancel task",
        _ => move.ToString(),
    };

    /// <summary>What moving to a state means, in a coordinator's words.</summary>
    public static string StateMeaning(IncidentState state) => Texts.Get("IncidentStateMeaning." + state);

    /// <summary>UTC as text; a script turns it into the reader's local time.</summary>
    public static string Utc(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>A command name as words: <c>LogIncident</c> reads "Log incident".</summary>
    public static string Action(string action) =>
        action.Length == 0 ? action : action[0] + string.Concat(action[1..].Select(c => char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>A stored payload, indented for reading; shown as stored if it is not JSON (it then fails verification anyway).</summary>
    public static string PrettyJson(string json)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(json)?.ToJsonString(PrettyOptions) ?? json;
        }
        catch (System.Text.Json.JsonException)
        {
            return json;
        }
    }

    private static readonly System.Text.Json.JsonSerializerOptions PrettyOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Coordinates(double latitude, double longitude) =>
        string.Create(CultureInfo.InvariantCulture, $"{latitude:0.0000}, {longitude:0.0000}");

    public static string Kind(OrganisationKind kind) => kind switch
    {
        OrganisationKind.CivicGroup => "civic group",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static string Quantity(decimal quantity) => Domain.Resources.ResourceType.Quantity(quantity);

    /// <summary>"1 boat", "6 boats", "200 litres", "35 people".</summary>
    public static string Amount(decimal quantity, string unit) => Domain.Resources.ResourceType.Amount(quantity, unit);

    /// <summary>"600 shelter beds", "5,000 litres of drinking water".</summary>
    public static string Need(decimal quantity, string unit, string typeName) => Domain.Resources.ResourceType.Describe(quantity, unit, typeName);

    public static string Distance(double? km) =>
        km is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{km:0.#} km");

    public static string Availability(DateTimeOffset? from, DateTimeOffset? until) => (from, until) switch
    {
        (null, null) => "Any time",
        ({ } f, null) => $"From {Utc(f)}",
        (null, { } u) => $"Until {Utc(u)}",
        ({ } f, { } u) => $"{Utc(f)} – {Utc(u)}",
    };

    public static string Answer(Domain.Requests.OfferAnswer answer) => answer switch
    {
        Domain.Requests.OfferAnswer.Accept => "Will provide",
        Domain.Requests.OfferAnswer.Provisional => "Probably (to be confirmed)",
        _ => "Declined",
    };

    public static string Commitment(Domain.Requests.CommitmentState state) => state switch
    {
        Domain.Requests.CommitmentState.Committed => "Committed",
        Domain.Requests.CommitmentState.EnRoute => "En route",
        Domain.Requests.CommitmentState.Arrived => "Arrived",
        _ => "Released",
    };

    /// <summary>The button that moves a commitment to this state.</summary>
    public static string CommitmentMove(Domain.Requests.CommitmentState to) => to switch
    {
        Domain.Requests.CommitmentState.EnRoute => "Mark en route",
        Domain.Requests.CommitmentState.Arrived => "Mark arrived",
        Domain.Requests.CommitmentState.Released => "Release",
        _ => to.ToString(),
    };

    /// <summary>An obligation as a duty in words: "Accept or decline tasks", "Situation reports".</summary>
    public static string Obligation(Obligation obligation) => Texts.Name(obligation);

    /// <summary>A duration to the minute, as <see cref="Overdue"/> writes it; a negative one as "… earlier".</summary>
    public static string Span(TimeSpan span) => span < TimeSpan.Zero ? $"{Overdue((int)-span.TotalMinutes)} earlier" : Overdue((int)span.TotalMinutes);

    /// <summary>How long overdue, to the minute: "45 min", "2 h 15 min", "3 d 4 h".</summary>
    public static string Overdue(int minutes) => minutes switch
    {
        < 1 => "under a minute",
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{minutes} min"),
        < 24 * 60 => minutes % 60 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} h")
            : string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} h {minutes % 60} min"),
        _ => (minutes / 60) % 24 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{minutes / (24 * 60)} d")
            : string.Create(CultureInfo.InvariantCulture, $"{minutes / (24 * 60)} d {(minutes / 60) % 24} h"),
    };

    public static IEnumerable<SelectListItem> Categories() =>
        Enum.GetValues<IncidentCategory>().Select(c => new SelectListItem(Category(c), c.ToString()));

    public static IEnumerable<SelectListItem> Severities() =>
        Enum.GetValues<Severity>().Select(s => new SelectListItem(SeverityText(s), s.ToString()));

    public static IEnumerable<SelectListItem> States() =>
        Enum.GetValues<IncidentState>().Select(s => new SelectListItem(State(s), s.ToString()));
}
