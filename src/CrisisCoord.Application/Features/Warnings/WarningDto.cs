using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Warnings;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Warnings;

public sealed record OrganisationRef(Guid Id, string Name);

/// <summary>A warning as staff see it: what it says, where, its state, and what the reader may do to it.</summary>
public sealed record WarningDto
{
    public required Guid Id { get; init; }
    public required Guid IncidentId { get; init; }
    public required string IncidentTitle { get; init; }
    public required WarningState State { get; init; }
    public required WarningStatus Status { get; init; }
    public required WarningScope Scope { get; init; }
    public required string Restriction { get; init; }
    public required IReadOnlyList<OrganisationRef> Recipients { get; init; }
    public required string Event { get; init; }
    public required string Headline { get; init; }
    public required string Description { get; init; }
    public required string Instruction { get; init; }
    public required IReadOnlyList<CapResponseType> ResponseTypes { get; init; }
    public required CapUrgency Urgency { get; init; }
    /// <summary>CAP severity, from the incident's grade.</summary>
    public required string Severity { get; init; }
    public required CapCertainty Certainty { get; init; }
    public required string Audience { get; init; }
    public DateTimeOffset? Onset { get; init; }
    public DateTimeOffset? Effective { get; init; }
    public required DateTimeOffset Expires { get; init; }
    public required IReadOnlyList<WarningArea> Areas { get; init; }
    public required DateTimeOffset DraftedAt { get; init; }
    public required string DraftedBy { get; init; }
    public required Guid DraftedByUserId { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public string? PublishedBy { get; init; }
    public required int MessageCount { get; init; }
    public required uint Version { get; init; }

    /// <summary>The current CAP document, once one was issued.</summary>
    public string? CapUrl => MessageCount > 0 ? $"/api/v1/warnings/{Id}.cap" : null;

    public Capabilities? Capabilities { get; init; }

    /// <summary>The warnings with these ids, as the reader sees them (capabilities are added by the caller).</summary>
    public static async Task<List<WarningDto>> LoadAsync(AppDbContext db, IQueryable<Warning> warnings, CancellationToken ct)
    {
        var rows = await warnings.AsNoTracking()
            .Select(w => new
            {
                Warning = w,
                Incident = db.Incidents.Where(i => i.Id == w.IncidentId).Select(i => new { i.Title, i.Severity }).First(),
                DraftedBy = db.Organisations.Where(o => o.Id == w.DraftedByOrganisationId).Select(o => o.Name).First(),
                PublishedBy = db.Organisations.Where(o => o.Id == w.PublishedByOrganisationId).Select(o => o.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var recipientIds = rows.SelectMany(r => r.Warning.Recipients).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => recipientIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return [.. rows.Select(r => new WarningDto
        {
            Id = r.Warning.Id,
            IncidentId = r.Warning.IncidentId,
            IncidentTitle = r.Incident.Title,
            State = r.Warning.State,
            Status = r.Warning.Status,
            Scope = r.Warning.Scope,
            Restriction = r.Warning.Restriction,
            Recipients = [.. r.Warning.Recipients.Select(id => new OrganisationRef(id, names.GetValueOrDefault(id, "")))],
            Event = r.Warning.Event,
            Headline = r.Warning.Headline,
            Description = r.Warning.Description,
            Instruction = r.Warning.Instruction,
            ResponseTypes = r.Warning.ResponseTypes,
            Urgency = r.Warning.Urgency,
            Severity = r.Incident.Severity.CapSeverity(),
            Certainty = r.Warning.Certainty,
            Audience = r.Warning.Audience,
            Onset = r.Warning.Onset,
            Effective = r.Warning.Effective,
            Expires = r.Warning.Expires,
            Areas = r.Warning.Areas,
            DraftedAt = r.Warning.DraftedAt,
            DraftedBy = r.DraftedBy,
            DraftedByUserId = r.Warning.DraftedByUserId,
            PublishedAt = r.Warning.PublishedAt,
            PublishedBy = r.PublishedBy,
            MessageCount = r.Warning.MessageCount,
            Version = r.Warning.Version,
        })];
    }

    public static async Task<WarningDto> LoadAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        (await LoadAsync(db, db.Warnings.Where(w => w.Id == id), ct)).SingleOrDefault() ?? throw new NotFoundException("Warning", id);
}

/// <summary>One CAP message as issued.</summary>
public sealed record WarningMessageDto(int Sequence, string Identifier, string Sender, string Sent, CapMessageType MessageType, WarningStatus Status, WarningScope Scope, string Xml);

/// <summary>Every message a warning issued, oldest first; the last is the current one.</summary>
public sealed record WarningMessages(Guid WarningId, IReadOnlyList<WarningMessageDto> Messages)
{
    public WarningMessageDto? Current => Messages.Count > 0 ? Messages[^1] : null;

    public static async Task<WarningMessages> LoadAsync(AppDbContext db, Guid warningId, CancellationToken ct) => new(
        warningId,
        await db.WarningMessages.AsNoTracking()
            .Where(m => m.WarningId == warningId)
            .OrderBy(m => m.Sequence)
            .Select(m => new WarningMessageDto(m.Sequence, m.Identifier, m.Sender, m.SentText, m.MessageType, m.Status, m.Scope, m.Xml))
            .ToListAsync(ct));
}

/// <summary>What the commands that change a warning share: loading it for a conditional write.</summary>
public static class WarningCommands
{
    public static async Task<Warning> LoadForChangeAsync(this AppDbContext db, Guid id, uint? version, CancellationToken ct)
    {
        var warning = await db.Warnings.SingleOrDefaultAsync(w => w.Id == id, ct) ?? throw new NotFoundException("Warning", id);
        db.ExpectVersion(warning, version);
        return warning;
    }

    /// <summary>The warning as the reader now sees it, with what they may do next.</summary>
    public static async Task<WarningDto> ReadBackAsync(this AppDbContext db, AccessPolicy access, Guid id, CancellationToken ct)
    {
        var warning = await WarningDto.LoadAsync(db, id, ct);
        return warning with { Capabilities = await access.CapabilitiesAsync(SubjectKind.Warning, id, ct) };
    }
}
