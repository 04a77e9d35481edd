using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Reviews;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Reviews;

/// <summary>
/// The lead signs the closed incident's after-action review: the SHA-256 of the review as drafted now goes
/// into the event on the incident's chain, and the review is frozen from then on.
/// </summary>
[RecordedAs(typeof(ReviewSignature))]
[Performs(Act.SignReview)]
public sealed record SignReviewCommand(Guid IncidentId) : ICommand<ReviewSignatureDto>, IIncidentMessage;

public sealed class SignReviewCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<SignReviewCommand, ReviewSignatureDto>
{
    public async ValueTask<ReviewSignatureDto> Handle(SignReviewCommand command, CancellationToken cancellationToken)
    {
        var organisation = user.OrganisationId ?? throw new NotAuthenticatedException();
        await ReviewCommands.EnsureNotSignedAsync(db, command.IncidentId, cancellationToken);
        var through = await db.TimelineEvents.Where(e => e.ChainId == command.IncidentId).MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        var content = await ReviewDrafter.DraftAsync(db, command.IncidentId, through, cancellationToken);
        var signature = ReviewSignature.Sign(command.IncidentId, ReviewDrafter.HashOf(content), through, organisation, user.UserId, clock.GetUtcNow());
        db.ReviewSignatures.Add(signature);
        await db.SaveChangesAsync(cancellationToken);
        var names = await db.Organisations.Where(o => o.Id == organisation).Select(o => new
        {
            o.Name,
            Person = db.Users.Where(u => u.Id == user.UserId).Select(u => u.DisplayName).FirstOrDefault(),
        }).SingleAsync(cancellationToken);
        return new ReviewSignatureDto(signature.ContentHash, through, names.Name, names.Person ?? "", signature.SignedAt, StillMatches: true);
    }
}
