using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>
/// A link as one of its incidents shows it: the other incident, and how it reads from here (<c>Reads</c>: "Caused",
/// "Caused by", "Related to"); <c>FromThisSide</c> is false when the link was made from the other incident.
/// </summary>
public sealed record IncidentLinkDto(
    Guid Id,
    IncidentRelation Relation,
    bool FromThisSide,
    string Reads,
    Guid OtherIncidentId,
    string OtherTitle,
    IncidentState OtherState,
    string Note,
    DateTimeOffset LinkedAt)
{
    public static async Task<IReadOnlyList<IncidentLinkDto>> ForIncidentAsync(AppDbContext db, Guid incidentId, CancellationToken ct)
    {
        var rows = await db.IncidentLinks.AsNoTracking()
            .Where(l => l.IncidentId == incidentId || l.RelatedIncidentId == incidentId)
            .OrderBy(l => l.LinkedAt)
            .Select(l => new
            {
                l.Id,
                l.Relation,
                FromHere = l.IncidentId == incidentId,
                Other = db.Incidents.Where(i => i.Id == (l.IncidentId == incidentId ? l.RelatedIncidentId : l.IncidentId)).Select(i => new { i.Id, i.Title, i.State }).First(),
                l.Note,
                l.LinkedAt,
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new IncidentLinkDto(r.Id, r.Relation, r.FromHere, IncidentLinkText.Reads(r.Relation, r.FromHere), r.Other.Id, r.Other.Title, r.Other.State, r.Note, r.LinkedAt))];
    }
}

/// <summary>Merged duplicates and links, as an incident's page shows them: public like the incident's summary, the notes only with its detail.</summary>
public sealed record IncidentRelations(
    Guid? MergedIntoIncidentId,
    string? MergedIntoTitle,
    IReadOnlyList<MergedDuplicateDto> MergedDuplicates,
    IReadOnlyList<IncidentLinkDto> Links)
{
    public static async Task<IncidentRelations> LoadAsync(AppDbContext db, Guid incidentId, bool detail, CancellationToken ct)
    {
        var into = await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId && i.MergedIntoIncidentId != null)
            .Select(i => new { Id = i.MergedIntoIncidentId!.Value, Title = db.Incidents.Where(t => t.Id == i.MergedIntoIncidentId).Select(t => t.Title).First() })
            .SingleOrDefaultAsync(ct);
        var duplicates = await db.Incidents.AsNoTracking().Where(i => i.MergedIntoIncidentId == incidentId)
            .OrderBy(i => i.StateChangedAt)
            .Select(i => new MergedDuplicateDto(i.Id, i.Title, i.StateChangedAt))
            .ToListAsync(ct);
        var links = await IncidentLinkDto.ForIncidentAsync(db, incidentId, ct);
        return new IncidentRelations(into?.Id, into?.Title, duplicates, detail ? links : [.. links.Select(l => l with { Note = "" })]);
    }
}

public sealed record MergedDuplicateDto(Guid Id, string Title, DateTimeOffset MergedAt);

/// <summary>What an incident is merged into, what was merged into it, and the incidents linked to it.</summary>
[Performs(Act.ViewIncident)]
public sealed record GetIncidentRelationsQuery(Guid IncidentId) : IQuery<IncidentRelations>, IIncidentMessage;

public sealed class GetIncidentRelationsQueryHandler(AppDbContext db, AccessPolicy access) : IQueryHandler<GetIncidentRelationsQuery, IncidentRelations>
{
    public async ValueTask<IncidentRelations> Handle(GetIncidentRelationsQuery query, CancellationToken cancellationToken) =>
        await IncidentRelations.LoadAsync(db, query.IncidentId, (await access.DetailShownAsync([query.IncidentId], cancellationToken)).Count > 0, cancellationToken);
}
