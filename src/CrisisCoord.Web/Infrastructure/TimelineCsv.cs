using System.Globalization;
using System.Text;
using CrisisCoord.Application.Features.Audit;

namespace CrisisCoord.Web.Infrastructure;

/// <summary>
/// The timeline as RFC 4180 CSV, written row by row as the events are read (the API and the audit
/// page send the same file). Every hashed field is written exactly as stored, so the file can be
/// re-verified offline (docs/timeline.md); names and titles, which the hash does not cover and
/// people type, are prefixed with an apostrophe where a spreadsheet would run them as a formula.
/// </summary>
public static class TimelineCsv
{
    private static readonly string[] Header =
    [
        "occurred_at_utc", "chain", "chain_title", "sequence", "event_id", "actor_user_id", "actor_name", "actor_organisation_id",
        "actor_organisation", "action", "entity_type", "entity_id", "payload", "previous_hash", "hash",
    ];

    private static string FileName(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"crisiscoord-timeline-{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}.csv");

    /// <summary>The whole response: a CSV attachment named for the moment, written as the events are read.</summary>
    public static async Task WriteResponseAsync(HttpResponse response, TimelineExport export, DateTimeOffset now, CancellationToken ct)
    {
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(now)}\"";
        await WriteAsync(response.Body, export.Events, ct);
    }

    private static async Task WriteAsync(Stream body, IAsyncEnumerable<TimelineEventDto> events, CancellationToken ct)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(false), bufferSize: 16 * 1024, leaveOpen: true);
        writer.NewLine = "\r\n";
        await writer.WriteLineAsync(string.Join(',', Header));
        var rows = 0;
        await foreach (var e in events.WithCancellation(ct))
        {
            await writer.WriteLineAsync(string.Join(',',
                Field(e.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)),
                Field(e.Chain),
                Text(e.ChainTitle),
                Field(e.Sequence.ToString(CultureInfo.InvariantCulture)),
                Field(e.Id.ToString()),
                Field(e.ActorUserId?.ToString() ?? ""),
                Text(e.ActorName),
                Field(e.ActorOrganisationId?.ToString() ?? ""),
                Text(e.ActorOrganisationName),
                Field(e.Action),
                Field(e.EntityType),
                Field(e.EntityId),
                Field(e.Payload),
                Field(e.PreviousHash),
                Field(e.Hash)));
            if (++rows % 500 == 0)
            {
                // Hand each batch to the client as it is ready instead of holding the file.
                await writer.FlushAsync(ct);
            }
        }

        await writer.FlushAsync(ct);
    }

    /// <summary>Free text typed by people: neutralise spreadsheet formulas, then quote.</summary>
    private static string Text(string value) =>
        Field(value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value);

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
