using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;

namespace CrisisCoord.Application.Features.Warnings;

/// <summary>An incident's warnings that the reader may see, newest first, each with what the reader may do to it.</summary>
[Performs(Act.ViewIncident)]
public sealed record ListIncidentWarningsQuery(Guid IncidentId) : IQuery<IReadOnlyList<WarningDto>>, IIncidentMessage;

public sealed class ListIncidentWarningsQueryHandler(AppDbContext db, AccessPolicy access)
    : IQueryHandler<ListIncidentWarningsQuery, IReadOnlyList<WarningDto>>
{
    public async ValueTask<IReadOnlyList<WarningDto>> Handle(ListIncidentWarningsQuery query, CancellationToken cancellationToken) =>
        await ForIncidentAsync(db, access, query.IncidentId, cancellationToken);

    /// <summary>Decided row by row with the one rule (<see cref="AccessRules.SeesWarning"/>), from facts already loaded.</summary>
    public static async Task<IReadOnlyList<WarningDto>> ForIncidentAsync(AppDbContext db, AccessPolicy access, Guid incidentId, CancellationToken ct)
    {
        var facts = await access.IncidentFactsAsync(incidentId, ct);
        var decide = await access.DeciderAsync(ct);
        var warnings = await WarningDto.LoadAsync(db, db.Warnings.Where(w => w.IncidentId == incidentId).OrderByDescending(w => w.DraftedAt), ct);
        return
        [
            .. warnings
                .Select(w => w with
                {
                    Capabilities = decide(Subjects.ForWarning(facts, w.Id, w.State, w.Scope, w.Recipients.Select(r => r.Id), w.DraftedByUserId)),
                })
                .Where(w => w.Capabilities!.Can(Act.ViewWarning)),
        ];
    }
}
