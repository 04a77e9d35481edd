using CrisisCoord.Domain.Common;

namespace CrisisCoord.Domain.Requests;

/// <summary>Where committed resources are: Committed → EnRoute → Arrived → Released (inventory restored).</summary>
public enum CommitmentState
{
    Committed,
    EnRoute,
    Arrived,
    Released,
}

/// <summary>
/// A coordinator's commitment of (part of) an offer to an incident (EDXL-RM CommitResource). It reserves
/// the quantity from the offering organisation's inventory in the same transaction; releasing it
/// (ReleaseResource) gives the quantity back.
/// </summary>
public sealed class ResourceCommitment
{
    public const int NoteMaxLength = 500;

    private static readonly Dictionary<CommitmentState, CommitmentState[]> Next = new()
    {
        [CommitmentState.Committed] = [CommitmentState.EnRoute, CommitmentState.Arrived, CommitmentState.Released],
        [CommitmentState.EnRoute] = [CommitmentState.Arrived, CommitmentState.Released],
        [CommitmentState.Arrived] = [CommitmentState.Released],
        [CommitmentState.Released] = [],
    };

    private ResourceCommitment()
    {
    }

    public Guid Id { get; private set; }

    public Guid IncidentId { get; private set; }

    public Guid? RequestId { get; private set; }

    public Guid OfferId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid ResourceId { get; private set; }

    public decimal Quantity { get; private set; }

    public CommitmentState State { get; private set; }

    public DateTimeOffset CommittedAt { get; private set; }

    public Guid? CommittedByUserId { get; private set; }

    /// <summary>When it reached the delivery place; stays set after release, so a delivered-then-returned commitment counts as fulfilled.</summary>
    public DateTimeOffset? ArrivedAt { get; private set; }

    public DateTimeOffset StateChangedAt { get; private set; }

    public string Note { get; private set; } = "";

    public uint Version { get; private set; }

    /// <summary>Whether it still counts towards the request: it is live, or it was delivered before its release.</summary>
    public bool Counts => CountsTowardsRequest(State, ArrivedAt);

    public static bool CountsTowardsRequest(CommitmentState state, DateTimeOffset? arrivedAt) =>
        state != CommitmentState.Released || arrivedAt is not null;

    public static IReadOnlyList<CommitmentState> NextStates(CommitmentState from) => Next[from];

    public static ResourceCommitment Commit(ResourceOffer offer, decimal quantity, Guid? by, DateTimeOffset now)
    {
        if (offer.Answer == OfferAnswer.Decline || offer.ResourceId is not { } resource)
        {
            throw new DomainRuleException(new("Rule.Commitment.Declined", "A declined offer cannot be committed."));
        }

        if (quantity <= 0)
        {
            throw new DomainRuleException(new("Rule.Commitment.Positive", "Commit a positive quantity."));
        }

        return new ResourceCommitment
        {
            Id = Guid.CreateVersion7(now),
            IncidentId = offer.IncidentId,
            RequestId = offer.RequestId,
            OfferId = offer.Id,
            OrganisationId = offer.OrganisationId,
            ResourceId = resource,
            Quantity = quantity,
            State = CommitmentState.Committed,
            CommittedAt = now,
            CommittedByUserId = by,
            StateChangedAt = now,
        };
    }

    /// <summary>Whether a commitment in this state can move to that one; pages ask before offering the move.</summary>
    public static bool CanMove(CommitmentState from, CommitmentState to) => Next[from].Contains(to);

    public void MoveTo(CommitmentState to, string note, DateTimeOffset now)
    {
        if (!CanMove(State, to))
        {
            throw new DomainRuleException(Next[State].Length == 0
                ? new Phrase("Rule.Commitment.Released", "The commitment is released; nothing more can change on it.")
                : new Phrase("Rule.Commitment.Moves", "The commitment is {0}; it can move to {1}.", new Term(State), new Either([.. Next[State].Select(s => new Term(s))])));
        }

        if (to == CommitmentState.Arrived)
        {
            ArrivedAt = now;
        }

        State = to;
        StateChangedAt = now;
        Note = note.Trim();
    }
}
