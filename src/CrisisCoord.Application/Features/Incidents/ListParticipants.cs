using System.Linq.Expressions;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>
/// The organisations taking part in an incident, and those asking to: public, so anyone can see who to work
/// with; what each said it offers is detail, shown to those who see the incident's detail.
/// </summary>
[Performs(Act.ViewIncident)]
public sealed record ListParticipantsQuery(Guid IncidentId) : IQuery<IReadOnlyList<ParticipantDto>>, IIncidentMessage;

public sealed record ParticipantDto(
    Guid Id,
    Guid OrganisationId,
    string OrganisationName,
    OrganisationKind Kind,
    AdministrativeLevel Level,
    ParticipationStatus Status,
    string Note,
    DateTimeOffset? RequestedAt,
    DateTimeOffset? AdmittedAt)
{
    public static Expression<Func<IncidentParticipant, ParticipantDto>> Projection(AppDbContext db) => p => new ParticipantDto(
        p.Id,
        p.OrganisationId,
        db.Organisations.Where(o => o.Id == p.OrganisationId).Select(o => o.Name).First(),
        db.Organisations.Where(o => o.Id == p.OrganisationId).Select(o => o.Kind).First(),
        db.Organisations.Where(o => o.Id == p.OrganisationId).Select(o => o.Level).First(),
        p.Status,
        p.Note,
        p.RequestedAt,
        p.AdmittedAt);

    /// <summary>Who takes part and who asks to; what each said it offers only with the incident's detail.</summary>
    public static async Task<IReadOnlyList<ParticipantDto>> ForIncidentAsync(AppDbContext db, Guid incidentId, bool withNotes, CancellationToken ct)
    {
        var participants = await db.IncidentParticipants.AsNoTracking()
            .Where(p => p.IncidentId == incidentId)
            .OrderBy(p => p.Status).ThenBy(p => p.AdmittedAt ?? p.RequestedAt)
            .Select(Projection(db))
            .ToListAsync(ct);
        return withNotes ? participants : [.. participants.Select(p => p with { Note = "" })];
    }

    public static async Task<ParticipantDto> LoadAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.IncidentParticipants.AsNoTracking().Where(p => p.Id == id).Select(Projection(db)).SingleAsync(ct);
}

public sealed class ListParticipantsQueryHandler(AppDbContext db, AccessPolicy access) : IQueryHandler<ListParticipantsQuery, IReadOnlyList<ParticipantDto>>
{
    public async ValueTask<IReadOnlyList<ParticipantDto>> Handle(ListParticipantsQuery query, CancellationToken cancellationToken)
    {
        var detail = (await access.DetailShownAsync([query.IncidentId], cancellationToken)).Count > 0;
        return await ParticipantDto.ForIncidentAsync(db, query.IncidentId, detail, cancellationToken);
    }
}
