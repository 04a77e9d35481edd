using CrisisCoord.Application.Data;
using CrisisCoord.Application.Mail;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Warnings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrisisCoord.Application.Features.Warnings;

/// <summary>
/// Turns a warning's move into the CAP message it issues: the document (checked against the schema), stored
/// as issued with every earlier message of the warning in its <c>references</c>. Used by the commands, in
/// their transaction; it never decides whether a message is due (the <see cref="Warning"/> does).
/// </summary>
public sealed class WarningIssuer(AppDbContext db, IOptions<WarningOptions> options, PortalLinks portal, WarningChanges changes, TimeProvider clock)
{
    /// <summary>Issues the message the warning's last move called for, sent now.</summary>
    public Task<WarningMessage> IssueAsync(Warning warning, CapMessageType type, string note, CancellationToken ct) =>
        IssueAtAsync(warning, type, note, clock.GetUtcNow(), ct);

    /// <summary>Issues it as sent at a given time (the demo's back-dated week).</summary>
    public async Task<WarningMessage> IssueAtAsync(Warning warning, CapMessageType type, string note, DateTimeOffset at, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == warning.IncidentId)
            .Select(i => new { i.Category, i.Severity }).SingleAsync(ct);
        var senderName = warning.PublishedByOrganisationId is { } publisher
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == publisher).Select(o => new { o.Name, o.ContactPhone, o.ContactEmail }).SingleAsync(ct)
            : null;
        var earlier = await db.WarningMessages.AsNoTracking()
            .Where(m => m.WarningId == warning.Id)
            .OrderBy(m => m.Sequence)
            .Select(m => new { m.Sender, m.Identifier, m.SentText })
            .ToListAsync(ct);

        var settings = options.Value;
        var sender = settings.SenderFor(portal);
        var sequence = earlier.Count + 1;
        var sent = Warning.WholeSeconds(at);
        var alert = new CapAlert
        {
            Identifier = Identifier(warning.Id, sequence),
            Sender = sender,
            Sent = sent,
            Status = warning.Status,
            MessageType = type,
            Scope = warning.Scope,
            Restriction = warning.Restriction,
            Note = note,
            // Every earlier message, not just the last: a reader who missed one still links the whole thread.
            References = [.. earlier.Select(m => $"{m.Sender},{m.Identifier},{m.SentText}")],
            Incidents = $"incident-{warning.IncidentId:N}",
            Categories = incident.Category.CapCategories(),
            Event = warning.Event,
            ResponseTypes = warning.ResponseTypes,
            Urgency = warning.Urgency,
            Severity = incident.Severity.CapSeverity(),
            Certainty = warning.Certainty,
            Audience = warning.Audience,
            Effective = warning.Effective,
            Onset = warning.Onset,
            Expires = warning.Expires,
            SenderName = senderName?.Name ?? "",
            Headline = warning.Headline,
            Description = warning.Description,
            Instruction = warning.Instruction,
            Web = WebLink(warning),
            Contact = senderName is null ? "" : string.Join(", ", new[] { senderName.ContactPhone, senderName.ContactEmail }.Where(c => c.Length > 0)),
            Areas = warning.Areas,
        };
        var xml = CapDocument.Write(alert, settings.Offset);
        if (CapDocument.SchemaErrors(xml) is { Count: > 0 } errors)
        {
            // Never store or serve a message other systems would reject: this is a fault of ours, not the user's.
            throw new InvalidOperationException($"The CAP message for warning {warning.Id} does not validate: {string.Join("; ", errors)}");
        }

        var message = WarningMessage.Issued(warning, sequence, alert.Identifier, sender, sent, CapDocument.Time(sent, settings.Offset), type, xml);
        db.WarningMessages.Add(message);
        changes.MarkIssued();
        return message;
    }

    /// <summary>
    /// The incident closed (or was dismissed): its live warnings end now, each with an Update saying so,
    /// in the transaction of the transition.
    /// </summary>
    public async Task ExpireWithIncidentAsync(Guid incidentId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var live = await db.Warnings
            .Where(w => w.IncidentId == incidentId && (w.State == WarningState.Published || w.State == WarningState.Updated))
            .OrderBy(w => w.DraftedAt)
            .ToListAsync(ct);
        foreach (var warning in live)
        {
            if (warning.ExpireWithIncident(now) is { } type)
            {
                await IssueAsync(warning, type, "The incident was closed; this warning has ended.", ct);
                // Saved one by one: the next warning's references are read from what is stored.
                await db.SaveChangesAsync(ct);
            }
        }
    }

    /// <summary>
    /// The message's identifier: the warning's id and the message's number, which are unique together and
    /// hold no spaces, commas, &lt; or &amp;.
    /// </summary>
    public static string Identifier(Guid warningId, int sequence) => $"warning-{warningId:N}-{sequence}";

    /// <summary>The public page for a public warning; the staff page (sign-in needed) for a restricted one.</summary>
    private string WebLink(Warning warning) => warning.Scope == WarningScope.Public && warning.Status == WarningStatus.Actual
        ? new Uri(portal.PortalUrl, $"warnings#warning-{warning.Id:N}").ToString()
        : new Uri(portal.PortalUrl, $"Warnings/{warning.Id}").ToString();
}
