using System.Globalization;
using System.Text;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Features.Audit;

namespace CrisisCoord.Web.Infrastructure;

/// <summary>
/// The timeline as RFC 4180 CSV, written row by row as the events are read (the API and the audit
/// page send the same file). Every cell goes through <see cref="CsvCell"/>: a value a spreadsheet would
/// run as a formula gets a leading apostrophe. The hashed fields never start that way as the portal
/// writes them (ids, action and type names, JSON objects, hex), and the offline verifier drops such an
/// apostrophe before hashing (docs/timeline.md), so the file still re-verifies.
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
                CsvCell.Text(e.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)),
                CsvCell.Text(e.Chain),
                CsvCell.Text(e.ChainTitle),
                CsvCell.Number(e.Sequence),
                CsvCell.Text(e.Id.ToString()),
                CsvCell.Text(e.ActorUserId?.ToString()),
                CsvCell.Text(e.ActorName),
                CsvCell.Text(e.ActorOrganisationId?.ToString()),
                CsvCell.Text(e.ActorOrganisationName),
                CsvCell.Text(e.Action),
                CsvCell.Text(e.EntityType),
                CsvCell.Text(e.EntityId),
                CsvCell.Text(e.Payload),
                CsvCell.Text(e.PreviousHash),
                CsvCell.Text(e.Hash)));
            if (++rows % 500 == 0)
            {
                // Hand each batch to the client as it is ready instead of holding the file.
                await writer.FlushAsync(ct);
            }
        }

        await writer.FlushAsync(ct);
    }
}
