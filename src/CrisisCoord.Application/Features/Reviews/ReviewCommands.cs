using CrisisCoord.Application.Data;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Reviews;

/// <summary>What the review's commands share: the freeze once signed, and how a note reads back.</summary>
public static class ReviewCommands
{
    public const string Signed = "The review has been signed and is frozen; nothing more can be added to it.";

    public static readonly Phrase SignedPhrase = new("Rule.Review.Signed", Signed);

    /// <summary>
    /// Takes the incident chain's lock (the one the timeline takes to append, so it is held to commit) and refuses
    /// once signed: a note and the signature cannot both pass the check, so no note slips in after the hash is taken.
    /// </summary>
    public static async Task EnsureNotSignedAsync(AppDbContext db, Guid incidentId, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({TimelineRecorder.LockKey(incidentId)})", ct);
        if (await db.ReviewSignatures.AnyAsync(s => s.IncidentId == incidentId, ct))
        {
            throw new DomainRuleException(SignedPhrase);
        }
    }

    public static async Task<ReviewNoteDto> NoteAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.ReviewNotes.AsNoTracking().Where(n => n.Id == id)
            .Select(n => new ReviewNoteDto(
                n.Id, n.Kind, n.Text,
                db.Organisations.Where(o => o.Id == n.OrganisationId).Select(o => o.Name).FirstOrDefault() ?? "",
                db.Users.Where(u => u.Id == n.WrittenByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                n.WrittenAt))
            .SingleAsync(ct);

    /// <summary>Writes a note on the review, unless it is signed.</summary>
    public static async Task<ReviewNoteDto> WriteAsync(
        AppDbContext db, Guid incidentId, ReviewNoteKind kind, string text, Guid organisation, Guid? by, DateTimeOffset now, CancellationToken ct)
    {
        await EnsureNotSignedAsync(db, incidentId, ct);
        var note = ReviewNote.Write(incidentId, kind, text, organisation, by, now);
        db.ReviewNotes.Add(note);
        await db.SaveChangesAsync(ct);
        return await NoteAsync(db, note.Id, ct);
    }
}
