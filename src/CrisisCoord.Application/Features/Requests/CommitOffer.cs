using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Requests;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Requests;

/// <summary>
/// A coordinator commits (part of) an offer (EDXL-RM CommitResource). The quantity is reserved from the
/// offering organisation's inventory in the same transaction, under a row lock on that resource, so
/// concurrent commitments never commit more than the resource holds: the ones that come too late get 409
/// with what is left.
/// </summary>
[RecordedAs(typeof(ResourceCommitment))]
[Performs(Act.CommitOffer)]
public sealed record CommitOfferCommand : ICommand<CommitmentDto>, IResourceOfferMessage
{
    public Guid OfferId { get; init; }

    /// <summary>How much of the offer to commit; all that is uncommitted when empty.</summary>
    public decimal? Quantity { get; init; }

    /// <summary>When sent for a request, the offer must answer that request.</summary>
    public Guid? RequestId { get; init; }
}

public sealed class CommitOfferCommandValidator : AbstractValidator<CommitOfferCommand>
{
    public CommitOfferCommandValidator()
    {
        RuleFor(x => x.OfferId).NotEmpty().WithMessage(_ => Texts.Get("Validation.Requests.SayWhichOfferCommit"));
        RuleFor(x => x.Quantity)
            .GreaterThan(0).WithMessage(_ => Texts.Get("Validation.Requests.CommitMoreThanZero"))
            .Must(q => q is null || decimal.Round(q.Value, 2) == q.Value).WithMessage(_ => Texts.Get("Validation.Recovery.QuantityMostTwoDecimals"))
            .When(x => x.Quantity is not null);
    }
}

public sealed class CommitOfferCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CommitOfferCommand, CommitmentDto>
{
    public async ValueTask<CommitmentDto> Handle(CommitOfferCommand command, CancellationToken cancellationToken)
    {
        var offer = await db.ResourceOffers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == command.OfferId, cancellationToken)
            ?? throw new NotFoundException("Resource offer", command.OfferId);
        if (command.RequestId is { } named && offer.RequestId != named)
        {
            throw new NotFoundException("Resource offer", command.OfferId);
        }

        await db.OpenIncidentStateAsync(offer.IncidentId, cancellationToken);
        if (offer.RequestId is { } requestId)
        {
            await db.LoadOpenRequestAsync(requestId, cancellationToken);
        }

        if (offer.ResourceId is not { } resourceId)
        {
            throw new DomainRuleException(new("Rule.Offer.DeclinedNothing", "The organisation declined; there is nothing to commit."));
        }

        var resource = await db.LockResourceAsync(resourceId, cancellationToken);
        var committedFromOffer = await db.ResourceCommitments
            .Where(c => c.OfferId == offer.Id && c.State != CommitmentState.Released)
            .SumAsync(c => (decimal?)c.Quantity, cancellationToken) ?? 0;
        var uncommitted = offer.Quantity - committedFromOffer;
        var quantity = command.Quantity ?? uncommitted;
        if (uncommitted <= 0 || quantity > uncommitted)
        {
            throw new DomainRuleException(new("Rule.Offer.Uncommitted", "The offer has {0:0.##} left uncommitted; commit at most that.", Math.Max(0, uncommitted)));
        }

        resource.Reserve(quantity);
        var commitment = ResourceCommitment.Commit(offer, quantity, user.UserId, clock.GetUtcNow());
        db.ResourceCommitments.Add(commitment);
        await db.SaveChangesAsync(cancellationToken);
        return await RequestThreads.CommitmentAsync(db, commitment.Id, cancellationToken);
    }
}
