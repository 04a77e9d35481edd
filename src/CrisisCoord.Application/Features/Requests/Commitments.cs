using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Charters;
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
[RequiresRole(Roles.Coordinator)]
[RequiresRight(Right.RequestResources)]
[RecordedAs(typeof(ResourceCommitment))]
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
        RuleFor(x => x.OfferId).NotEmpty().WithMessage("Say which offer to commit (offerId).");
        RuleFor(x => x.Quantity)
            .GreaterThan(0).WithMessage("Commit more than zero.")
            .Must(q => q is null || decimal.Round(q.Value, 2) == q.Value).WithMessage("Quantity can have at most two decimals.")
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
            throw new DomainRuleException("The organisation declined; there is nothing to commit.");
        }

        var resource = await db.LockResourceAsync(resourceId, cancellationToken);
        var committedFromOffer = await db.ResourceCommitments
            .Where(c => c.OfferId == offer.Id && c.State != CommitmentState.Released)
            .SumAsync(c => (decimal?)c.Quantity, cancellationToken) ?? 0;
        var uncommitted = offer.Quantity - committedFromOffer;
        var quantity = command.Quantity ?? uncommitted;
        if (uncommitted <= 0 || quantity > uncommitted)
        {
            throw new DomainRuleException($"The offer has {Math.Max(0, uncommitted):0.##} left uncommitted; commit at most that.");
        }

        resource.Reserve(quantity);
        var commitment = ResourceCommitment.Commit(offer, quantity, user.UserId, clock.GetUtcNow());
        db.ResourceCommitments.Add(commitment);
        await db.SaveChangesAsync(cancellationToken);
        return (await RequestThreads.CommitmentsAsync(db, db.ResourceCommitments.Where(c => c.Id == commitment.Id), cancellationToken)).Single();
    }
}

/// <summary>
/// Where a commitment is: the offering organisation reports it en route and arrived; a coordinator may also
/// mark it arrived, and releases it when it is no longer needed, which gives the quantity back to the inventory.
/// </summary>
[RequiresRole(Roles.Coordinator, Roles.AgencyStaff, Roles.ResourceManager)]
[RequiresRight(Right.CommitResources)]
[RecordedAs(typeof(ResourceCommitment))]
public sealed record ChangeCommitmentStatusCommand : ICommand<CommitmentDto>, IResourceCommitmentMessage
{
    public Guid CommitmentId { get; init; }

    /// <summary>EnRoute, Arrived or Released.</summary>
    public string? Status { get; init; }

    public string? Note { get; init; }

    /// <summary>The version the sender last saw (If-Match).</summary>
    public uint? Version { get; init; }
}

public sealed class ChangeCommitmentStatusCommandValidator : AbstractValidator<ChangeCommitmentStatusCommand>
{
    public ChangeCommitmentStatusCommandValidator()
    {
        RuleFor(x => x.Status)
            .NotEmpty().WithMessage("Say where the resources are: EnRoute, Arrived or Released.")
            .Must(v => EnumText.TryParse<CommitmentState>(v, out var state) && state != CommitmentState.Committed)
            .When(x => !string.IsNullOrWhiteSpace(x.Status))
            .WithMessage(x => $"'{x.Status}' is not a status a commitment can move to; use EnRoute, Arrived or Released.");
        RuleFor(x => x.Note).MaximumLength(ResourceCommitment.NoteMaxLength).PlainText();
    }
}

public sealed class ChangeCommitmentStatusCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ChangeCommitmentStatusCommand, CommitmentDto>
{
    public async ValueTask<CommitmentDto> Handle(ChangeCommitmentStatusCommand command, CancellationToken cancellationToken)
    {
        var commitment = await db.ResourceCommitments.SingleOrDefaultAsync(c => c.Id == command.CommitmentId, cancellationToken)
            ?? throw new NotFoundException("Resource commitment", command.CommitmentId);
        db.ExpectVersion(commitment, command.Version);

        await db.OpenIncidentStateAsync(commitment.IncidentId, cancellationToken);
        EnumText.TryParse<CommitmentState>(command.Status, out var to);
        var coordinator = user.IsInRole(Roles.Coordinator);
        var holder = user.OrganisationId == commitment.OrganisationId;
        if (!(holder && to is CommitmentState.EnRoute or CommitmentState.Arrived) && !coordinator)
        {
            throw new AccessDeniedException(holder
                ? "A coordinator releases commitments."
                : "Only the organisation that holds the resources, or a coordinator, reports where they are.");
        }

        commitment.MoveTo(to, command.Note ?? "", clock.GetUtcNow());
        if (to == CommitmentState.Released)
        {
            (await db.LockResourceAsync(commitment.ResourceId, cancellationToken)).Restore(commitment.Quantity);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (await RequestThreads.CommitmentsAsync(db, db.ResourceCommitments.Where(c => c.Id == commitment.Id), cancellationToken)).Single();
    }
}
