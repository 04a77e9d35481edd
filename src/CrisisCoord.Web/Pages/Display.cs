using System.Globalization;
using CrisisCoord.Application.Features.Incidents;
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
    public static string CategoryExamples(IncidentCategory category) =>
        Enum.IsDefined(category) ? Texts.Get("Display.CategoryExamples." + category) : "";

    /// <summary>"I · Especially major": the grade's numeral, which every language keeps, and its name (docs/glossary.md).</summary>
    public static string SeverityText(Severity severity) => $"{severity} · {Texts.Name(severity)}";

    public static string NotGraded => Texts.Get("Severity.NotGraded");

    public static string State(IncidentState state) => Texts.Name(state);

    public static string Phase(Phases phase) => Texts.Name(phase);

    public static string TaskState(TaskState state) => Texts.Name(state);

    public static string Right(Right right) => Texts.Name(right);

    public static string Membership(MembershipStatus status) =>
        Enum.IsDefined(status) ? Texts.Get("Display.Membership." + status) : status.ToString();

    /// <summary>The button for a move on a task: "Claim", "Mark done".</summary>
    public static string TaskMove(Act move) => move switch
    {
        Act.ClaimTask or Act.AcceptTask or Act.DeclineTask or Act.StartTask or Act.CompleteTask or Act.AssignTask or Act.CancelTask
            => Texts.Get("Display.TaskMove." + move),
        _ => move.ToString(),
    };

    /// <summary>What moving to a state means, in a coordinator's words.</summary>
    public static string StateMeaning(IncidentState state) => Texts.Get("IncidentStateMeaning." + state);

    /// <summary>UTC as text; a script turns it into the reader's local time.</summary>
    public static string Utc(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>
    /// A timeline action (a command's name) as words: <c>LogIncident</c> reads "Log incident". Each known action has
    /// a text (Display.Action.*); one the portal no longer records keeps its name split into words.
    /// </summary>
    public static string Action(string action) =>
        action.Length == 0 ? action
        : Texts.Resources.GetString("Display.Action." + action, CultureInfo.CurrentUICulture)
            ?? action[0] + string.Concat(action[1..].Select(c => char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

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

    /// <summary>The kind of an organisation in running text: "civic group", "government".</summary>
    public static string Kind(OrganisationKind kind) =>
        Enum.IsDefined(kind) ? Texts.Get("Display.Kind." + kind) : kind.ToString().ToLowerInvariant();

    /// <inheritdoc cref="Amounts.Quantity"/>
    public static string Quantity(decimal quantity) => Amounts.Quantity(quantity);

    /// <inheritdoc cref="Amounts.Amount"/>
    public static string Amount(decimal quantity, string unit) => Amounts.Amount(quantity, unit);

    /// <inheritdoc cref="Amounts.Need"/>
    public static string Need(decimal quantity, string unit, string typeName) => Amounts.Need(quantity, unit, typeName);

    public static string Distance(double? km) =>
        km is null ? "" : Texts.Format("Display.Distance", km);

    public static string Availability(DateTimeOffset? from, DateTimeOffset? until) => (from, until) switch
    {
        (null, null) => Texts.Get("Display.Availability.Any"),
        ({ } f, null) => Texts.Format("Display.Availability.From", Utc(f)),
        (null, { } u) => Texts.Format("Display.Availability.Until", Utc(u)),
        ({ } f, { } u) => Texts.Format("Display.Availability.Between", Utc(f), Utc(u)),
    };

    public static string Answer(Domain.Requests.OfferAnswer answer) => answer switch
    {
        Domain.Requests.OfferAnswer.Accept => Texts.Get("Display.Answer.Accept"),
        Domain.Requests.OfferAnswer.Provisional => Texts.Get("Display.Answer.Provisional"),
        _ => Texts.Get("Display.Answer.Decline"),
    };

    public static string Commitment(Domain.Requests.CommitmentState state) =>
        Texts.Get("Display.Commitment." + (Enum.IsDefined(state) ? state : Domain.Requests.CommitmentState.Released));

    /// <summary>The button that moves a commitment to this state.</summary>
    public static string CommitmentMove(Domain.Requests.CommitmentState to) => to switch
    {
        Domain.Requests.CommitmentState.EnRoute or Domain.Requests.CommitmentState.Arrived or Domain.Requests.CommitmentState.Released
            => Texts.Get("Display.CommitmentMove." + to),
        _ => to.ToString(),
    };

    /// <summary>How a link between two incidents reads from one of them: "Caused", "Caused by", "Related to".</summary>
    public static string Relation(IncidentRelation relation, bool fromThisSide) => IncidentLinkText.Reads(relation, fromThisSide);

    /// <summary>An obligation as a duty in words: "Accept or decline tasks", "Situation reports".</summary>
    public static string Obligation(Obligation obligation) => Texts.Name(obligation);

    /// <summary>A duration to the minute, as <see cref="Overdue"/> writes it; a negative one as "… earlier".</summary>
    public static string Span(TimeSpan span) =>
        span < TimeSpan.Zero ? Texts.Format("Display.Span.Earlier", Overdue((int)-span.TotalMinutes)) : Overdue((int)span.TotalMinutes);

    /// <summary>How long overdue, to the minute: "45 min", "2 h 15 min", "3 d 4 h".</summary>
    public static string Overdue(int minutes) => minutes switch
    {
        < 1 => Texts.Get("Display.Span.UnderAMinute"),
        < 60 => Texts.Format("Display.Span.Minutes", minutes),
        < 24 * 60 => minutes % 60 == 0
            ? Texts.Format("Display.Span.Hours", minutes / 60)
            : Texts.Format("Display.Span.HoursMinutes", minutes / 60, minutes % 60),
        _ => (minutes / 60) % 24 == 0
            ? Texts.Format("Display.Span.Days", minutes / (24 * 60))
            : Texts.Format("Display.Span.DaysHours", minutes / (24 * 60), (minutes / 60) % 24),
    };

    public static IEnumerable<SelectListItem> Categories() =>
        Enum.GetValues<IncidentCategory>().Select(c => new SelectListItem(Category(c), c.ToString()));

    public static IEnumerable<SelectListItem> Severities() =>
        Enum.GetValues<Severity>().Select(s => new SelectListItem(SeverityText(s), s.ToString()));

    public static IEnumerable<SelectListItem> States() =>
        Enum.GetValues<IncidentState>().Select(s => new SelectListItem(State(s), s.ToString()));
}
