using System.Runtime.CompilerServices;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Audit;

/// <summary>
/// Exactly the events a filter selects and the reader may see, oldest first, read in keyset batches as
/// the response is written: memory stays flat however long the timeline is.
/// </summary>
[Performs(Act.ReadTimeline)]
public sealed record ExportTimelineEventsQuery : TimelineFilter, IQuery<TimelineExport>
{
    /// <summary>The export of what a page shows with these filters.</summary>
    public static ExportTimelineEventsQuery Of(TimelineFilter filter) => new()
    {
        Chain = filter.Chain,
        Organisation = filter.Organisation,
        Actor = filter.Actor,
        Action = filter.Action,
        From = filter.From,
        To = filter.To,
    };
}

public sealed record TimelineExport(IAsyncEnumerable<TimelineEventDto> Events);

public sealed class ExportTimelineEventsQueryValidator : AbstractValidator<ExportTimelineEventsQuery>
{
    public ExportTimelineEventsQueryValidator() => Include(new TimelineFilterValidator<ExportTimelineEventsQuery>());
}

public sealed class ExportTimelineEventsQueryHandler(AppDbContext db, AccessPolicy access, AccessRules rules)
    : IQueryHandler<ExportTimelineEventsQuery, TimelineExport>
{
    private const int BatchSize = 1000;

    public async ValueTask<TimelineExport> Handle(ExportTimelineEventsQuery query, CancellationToken cancellationToken)
    {
        var reader = await access.ReaderAsync(cancellationToken);
        query.EnsureReadableBy(reader);

        // An export reads in time order, whatever order the screen showed.
        return new TimelineExport(ReadAsync(query with { Order = "oldest" }, reader, cancellationToken));
    }

    private async IAsyncEnumerable<TimelineEventDto> ReadAsync(ExportTimelineEventsQuery query, Reader reader, [EnumeratorCancellation] CancellationToken ct)
    {
        TimelineCursor? after = null;
        while (true)
        {
            var page = await query.PageAsync(db, rules, reader, after, BatchSize, ct);
            foreach (var e in page.Items)
            {
                yield return e;
            }

            if (page.NextCursor is null)
            {
                yield break;
            }

            after = TimelineCursor.After(page.Items[^1]);
        }
    }
}
