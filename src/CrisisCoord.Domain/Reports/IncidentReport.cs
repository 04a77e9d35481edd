using CrisisCoord.Domain.Common;

namespace CrisisCoord.Domain.Reports;

/// <summary>
/// One person's report of an incident: who, when, how to call them back, and the photos they took. It starts on the
/// incident it was logged as and moves with it: when that incident is merged into another, the report (with its
/// photos and its reporter's sight of the incident) moves across.
/// </summary>
public sealed class IncidentReport
{
    public const int CallbackNumberMaxLength = 32;
    public const int MaxPhotos = 3;

    private IncidentReport()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The incident the report belongs to now.</summary>
    public Guid IncidentId { get; private set; }

    /// <summary>The incident it was logged as; differs from <see cref="IncidentId"/> once that one was merged.</summary>
    public Guid FirstIncidentId { get; private set; }

    public Guid ReporterUserId { get; private set; }

    public Guid? ReporterOrganisationId { get; private set; }

    public DateTimeOffset ReportedAt { get; private set; }

    /// <summary>A telephone number to call the reporter back on, normalised (<see cref="CallbackNumbers"/>); "" for none.</summary>
    public string CallbackNumber { get; private set; } = "";

    /// <summary>The reporter asked to keep the location in their photos' metadata.</summary>
    public bool PhotoLocationKept { get; private set; }

    public static IncidentReport File(Guid incidentId, Guid reporterUserId, Guid? reporterOrganisationId, string callbackNumber, bool keepPhotoLocation, DateTimeOffset now)
    {
        var normalised = CallbackNumbers.Normalise(callbackNumber);
        if (callbackNumber.Trim().Length > 0 && normalised is null)
        {
            throw new ArgumentException(CallbackNumbers.Rule, nameof(callbackNumber));
        }

        return new IncidentReport
        {
            Id = Guid.CreateVersion7(now),
            IncidentId = incidentId,
            FirstIncidentId = incidentId,
            ReporterUserId = reporterUserId,
            ReporterOrganisationId = reporterOrganisationId,
            ReportedAt = Microseconds.Truncate(now),
            CallbackNumber = normalised ?? "",
            PhotoLocationKept = keepPhotoLocation,
        };
    }

    /// <summary>Moves the report to the incident its own was merged into.</summary>
    public void MoveTo(Guid incidentId) => IncidentId = incidentId;
}

/// <summary>Telephone numbers to call a reporter back on: digits, an optional leading +, spaces, dashes, dots and brackets as people write them.</summary>
public static class CallbackNumbers
{
    public const string Rule = "Give a telephone number of 5 to 15 digits, optionally starting with + and the country code (spaces, dashes and brackets are fine).";

    /// <summary>The number with separators taken out (e.g. "+86 138-0013 8000" → "+8613800138000"), or null if it is not one.</summary>
    public static string? Normalise(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0 || trimmed.Length > IncidentReport.CallbackNumberMaxLength)
        {
            return null;
        }

        var plus = trimmed.StartsWith('+');
        var rest = plus ? trimmed[1..] : trimmed;
        if (rest.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '.' or '(' or ')')))
        {
            return null;
        }

        var digits = new string([.. rest.Where(char.IsAsciiDigit)]);
        return digits.Length is >= 5 and <= 15 ? (plus ? "+" : "") + digits : null;
    }
}
