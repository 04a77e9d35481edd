using System.Linq.Expressions;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>The organisations taking part in an incident, and those asking to.</summary>
public sealed record ListParticipantsQuery(Guid IncidentId) : IQuery<IReadOnlyList<ParticipantDto>>;

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

    public static async Task<ParticipantDto> LoadAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.IncidentParticipants.AsNoTracking().Where(p => p.Id == id).Select(Projection(db)).SingleAsync(ct);
}

public sealed class ListParticipantsQueryHandler(AppDbContext db) : IQueryHandler<ListParticipantsQuery, IReadOnlyList<ParticipantDto>>
{
    public async ValueTask<IReadOnlyList<ParticipantDto>> Handle(ListParticipantsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Incidents.AnyAsync(i => i.Id == query.IncidentId, cancellationToken))
        {
            throw new NotFoundException("Incident", query.IncidentId);
        }

        return await db.IncidentParticipants.AsNoTracking()
            .Where(p => p.IncidentId == query.IncidentId)
            .OrderBy(p => p.Status).ThenBy(p => p.AdmittedAt ?? p.RequestedAt)
            .Select(ParticipantDto.Projection(db))
            .ToListAsync(cancellationToken);
    }
}
