using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Requests;
using CrisisCoord.Domain.Resources;

namespace CrisisCoord.UnitTests.Domain;

public sealed class ResourceRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(5, 0, CoverStatus.None)]
    [InlineData(5, 2, CoverStatus.Partial)]
    [InlineData(5, 4.99, CoverStatus.Partial)]
    [InlineData(5, 5, CoverStatus.Full)]
    [InlineData(5, 7, CoverStatus.Full)]
    public void Cover_status_is_none_partial_or_full(decimal requested, decimal covered, CoverStatus expected) =>
        ResourceRequest.Cover(requested, covered).ShouldBe(expected);

    [Fact]
    public void A_commitment_moves_committed_en_route_arrived_released_and_never_back()
    {
        var commitment = ResourceCommitment.Commit(Offer(10), 4, null, Now);
        commitment.State.ShouldBe(CommitmentState.Committed);
        commitment.MoveTo(CommitmentState.EnRoute, "", Now.AddMinutes(10));
        Should.Throw<DomainRuleException>(() => commitment.MoveTo(CommitmentState.Committed, "", Now)).Message.ShouldContain("Arrived or Released");
        commitment.MoveTo(CommitmentState.Arrived, "At the school gate", Now.AddMinutes(50));
        commitment.ArrivedAt.ShouldBe(Now.AddMinutes(50));
        commitment.MoveTo(CommitmentState.Released, "", Now.AddHours(5));
        commitment.Counts.ShouldBeTrue("delivered before release: it still fulfilled the request");
        Should.Throw<DomainRuleException>(() => commitment.MoveTo(CommitmentState.EnRoute, "", Now)).Message.ShouldContain("released");
    }

    [Fact]
    public void A_commitment_released_before_it_arrived_no_longer_counts()
    {
        var commitment = ResourceCommitment.Commit(Offer(10), 4, null, Now);
        commitment.MoveTo(CommitmentState.Released, "Not needed after all", Now.AddMinutes(5));
        commitment.Counts.ShouldBeFalse();
    }

    [Fact]
    public void A_declined_offer_has_no_quantity_needs_a_reason_and_cannot_be_committed()
    {
        Should.Throw<DomainRuleException>(() => ResourceOffer.Make(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, OfferAnswer.Decline, 0, null, " ", null, Now));
        var declined = ResourceOffer.Make(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), OfferAnswer.Decline, 30, Now, "All at the flood", null, Now);
        declined.Quantity.ShouldBe(0);
        declined.ResourceId.ShouldBeNull();
        Should.Throw<DomainRuleException>(() => ResourceCommitment.Commit(declined, 1, null, Now));
    }

    [Fact]
    public void Inventory_is_never_over_committed_and_release_gives_it_back()
    {
        var water = Resource.Register(Guid.NewGuid(), Guid.NewGuid(), new ResourceDetails(10, "Depot", 30, 114, null, null, ""), Now);
        water.Reserve(7);
        water.Available.ShouldBe(3);
        var shortage = Should.Throw<InsufficientInventoryException>(() => water.Reserve(4));
        shortage.Remaining.ShouldBe(3);
        water.Committed.ShouldBe(7, "a refused reservation changes nothing");
        Should.Throw<DomainRuleException>(() => water.Update(new ResourceDetails(5, "Depot", 30, 114, null, null, ""), Now))
            .Message.ShouldContain("committed");
        water.Restore(7);
        water.Available.ShouldBe(10);
    }

    private static ResourceOffer Offer(decimal quantity) =>
        ResourceOffer.Make(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), OfferAnswer.Accept, quantity, null, "", null, Now);

    [Theory]
    [InlineData(600, "bed", "Shelter bed", "600 shelter beds")]
    [InlineData(3, "machine", "Excavator", "3 excavators")]
    [InlineData(1, "vehicle", "Cargo truck", "1 cargo truck")]
    [InlineData(5000, "litre", "Drinking water", "5,000 litres of drinking water")]
    [InlineData(35, "person", "Volunteer", "35 volunteers")]
    public void Requests_read_as_people_say_them(decimal quantity, string unit, string name, string expected) =>
        ResourceType.Describe(quantity, unit, name).ShouldBe(expected);
}
