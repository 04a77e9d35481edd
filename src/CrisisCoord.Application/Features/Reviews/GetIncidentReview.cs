using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Reviews;

/// <summary>
/// An incident's after-action review, drafted from the record (ADR 0032). Once signed, drafted through the
/// event the signature covers, so the frozen review reads as signed and its hash can be checked again.
/// </summary>
[Performs(Act.ViewReview)]
public sealed record GetIncidentReviewQuery(Guid IncidentId) : IQuery<IncidentReviewDto>, IIncidentMessage;

public sealed class GetIncidentReviewQueryHandler(AppDbContext db, AccessPolicy access) : IQueryHandler<GetIncidentReviewQuery, IncidentReviewDto>
{
    public async ValueTask<IncidentReviewDto> Handle(GetIncidentReviewQuery query, CancellationToken cancellationToken)
    {
        var signature = await db.ReviewSignatures.AsNoTracking()
            .Where(s => s.IncidentId == query.IncidentId)
            .Select(s => new
            {
                s.ContentHash,
                s.ThroughSequence,
                Organisation = db.Organisations.Where(o => o.Id == s.OrganisationId).Select(o => o.Name).FirstOrDefault() ?? "",
                SignedBy = db.Users.Where(u => u.Id == s.SignedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                s.SignedAt,
            })
            .SingleOrDefaultAsync(cancellationToken);
        var content = await ReviewDrafter.DraftAsync(db, query.IncidentId, signature?.ThroughSequence, cancellationToken);
        var capabilities = await access.CapabilitiesAsync(SubjectKind.Incident, query.IncidentId, cancellationToken);
        if (signature is not null)
        {
            // The rules know the incident, not the review: once signed, the review's own writes are refused (409) whoever asks.
            Act[] writes = [Act.AddReviewLesson, Act.CommentOnReview, Act.SignReview];
            capabilities = new Capabilities(
                [.. capabilities.Allowed.Except(writes)],
                new Dictionary<Act, string>(capabilities.Refused.Where(r => !writes.Contains(r.Key)).Concat(writes.Select(w => KeyValuePair.Create(w, ReviewCommands.SignedPhrase.Say())))));
        }

        // The hash is checked on the English, as signed; the reader reads the sentences in their language (names in
        // their versions, ADR 0038: this read is the reader's own, not shared). English keeps the drafted text as it is.
        var read = content with
        {
            Timeline = [.. content.Timeline.Select(s => s with { Text = Phrases.InEnglish || s.Said is null ? s.Text : s.Said.Say(), Said = null })],
        };
        return new IncidentReviewDto(
            read,
            signature is null
                ? null
                : new ReviewSignatureDto(signature.ContentHash, signature.ThroughSequence, signature.Organisation, signature.SignedBy, signature.SignedAt,
                    ReviewDrafter.HashOf(content) == signature.ContentHash),
            capabilities);
    }
}
