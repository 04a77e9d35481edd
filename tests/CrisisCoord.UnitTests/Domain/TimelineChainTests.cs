using System.Reflection;
using System.Security.Cryptography;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Timeline;
using Mediator;

namespace CrisisCoord.UnitTests.Domain;

public sealed class TimelineChainTests
{
    private static readonly Guid Chain = Guid.Parse("01a20aa6-787a-74c9-9410-e1e1db6bcfc5");
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 4, 12, 0, TimeSpan.Zero);

    private static List<TimelineEvent> ChainOf(int count)
    {
        var events = new List<TimelineEvent>();
        for (var i = 0; i < count; i++)
        {
            var head = events.Count == 0 ? null : new ChainHead(events[^1].Sequence, events[^1].Hash, events[^1].OccurredAt);
            events.Add(TimelineEvent.Append(Guid.NewGuid(), Chain, head,
                new TimelineEntry(Guid.NewGuid(), Guid.NewGuid(), "LogIncident", "Incident", $"e{i}", $"{{\"n\":{i}}}"), T0.AddMinutes(i)));
        }

        return events;
    }

    private static ChainVerification Verify(IEnumerable<TimelineEvent> events, params Checkpoint[] checkpoints)
    {
        var verifier = new ChainVerifier(Chain);
        verifier.Remember(checkpoints.Select(c => c.Sequence));
        foreach (var e in events.OrderBy(e => e.Sequence))
        {
            if (!verifier.Check(e))
            {
                break;
            }
        }

        return verifier.Complete(checkpoints);
    }

    private static TimelineEvent With(TimelineEvent e, string? payload = null, long? sequence = null, byte[]? previous = null, DateTimeOffset? at = null) =>
        TimelineEvent.Stored(e.Id, e.ChainId, sequence ?? e.Sequence, at ?? e.OccurredAt, e.ActorUserId, e.ActorOrganisationId,
            e.Action, e.EntityType, e.EntityId, payload ?? e.Payload, previous ?? e.PreviousHash, e.Hash);

    [Fact]
    public void A_chain_starts_from_zero_bytes_numbers_from_one_and_links_each_event_to_the_last()
    {
        var events = ChainOf(3);

        events[0].PreviousHash.ShouldBe(new byte[32]);
        events.Select(e => e.Sequence).ShouldBe([1L, 2L, 3L]);
        events[1].PreviousHash.ShouldBe(events[0].Hash);
        events[2].PreviousHash.ShouldBe(events[1].Hash);
        Verify(events).Ok.ShouldBeTrue();
    }

    [Fact]
    public void Time_is_kept_to_the_microsecond_and_never_runs_backwards_within_a_chain()
    {
        var first = TimelineEvent.Append(Guid.NewGuid(), Chain, null, new TimelineEntry(null, null, "A", "X", "1", "{}"), T0.AddTicks(7));
        var earlier = TimelineEvent.Append(Guid.NewGuid(), Chain, new ChainHead(1, first.Hash, first.OccurredAt), new TimelineEntry(null, null, "A", "X", "1", "{}"), T0.AddMinutes(-5));

        first.OccurredAt.ShouldBe(T0);
        earlier.OccurredAt.ShouldBe(T0);
    }

    [Fact]
    public void Changing_any_hashed_field_changes_the_hash()
    {
        var e = ChainOf(1)[0];
        var variants = new[]
        {
            TimelineEvent.Stored(Guid.NewGuid(), e.ChainId, e.Sequence, e.OccurredAt, e.ActorUserId, e.ActorOrganisationId, e.Action, e.EntityType, e.EntityId, e.Payload, e.PreviousHash, e.Hash),
            TimelineEvent.Stored(e.Id, Guid.NewGuid(), e.Sequence, e.OccurredAt, e.ActorUserId, e.ActorOrganisationId, e.Action, e.EntityType, e.EntityId, e.Payload, e.PreviousHash, e.Hash),
            With(e, sequence: 2),
            With(e, at: e.OccurredAt.AddTicks(10)),
            TimelineEvent.Stored(e.Id, e.ChainId, e.Sequence, e.OccurredAt, null, e.ActorOrganisationId, e.Action, e.EntityType, e.EntityId, e.Payload, e.PreviousHash, e.Hash),
            TimelineEvent.Stored(e.Id, e.ChainId, e.Sequence, e.OccurredAt, e.ActorUserId, null, e.Action, e.EntityType, e.EntityId, e.Payload, e.PreviousHash, e.Hash),
            TimelineEvent.Stored(e.Id, e.ChainId, e.Sequence, e.OccurredAt, e.ActorUserId, e.ActorOrganisationId, "X", e.EntityType, e.EntityId, e.Payload, e.PreviousHash, e.Hash),
            TimelineEvent.Stored(e.Id, e.ChainId, e.Sequence, e.OccurredAt, e.ActorUserId, e.ActorOrganisationId, e.Action, "X", e.EntityId, e.Payload, e.PreviousHash, e.Hash),
            TimelineEvent.Stored(e.Id, e.ChainId, e.Sequence, e.OccurredAt, e.ActorUserId, e.ActorOrganisationId, e.Action, e.EntityType, "X", e.Payload, e.PreviousHash, e.Hash),
            With(e, payload: "{\"n\":1}"),
            With(e, previous: Enumerable.Repeat((byte)1, 32).ToArray()),
        };

        TimelineHash.Compute(e).ShouldBe(e.Hash);
        variants.Select(v => Convert.ToHexString(TimelineHash.Compute(v))).ShouldNotContain(Convert.ToHexString(e.Hash));
        variants.Select(v => Convert.ToHexString(TimelineHash.Compute(v))).Distinct().Count().ShouldBe(variants.Length);
        // Fields are length-prefixed: moving text from one field to the next is a different event.
        var a = TimelineEvent.Stored(e.Id, e.ChainId, 1, e.OccurredAt, null, null, "ab", "c", "", "{}", e.PreviousHash, []);
        var b = TimelineEvent.Stored(e.Id, e.ChainId, 1, e.OccurredAt, null, null, "a", "bc", "", "{}", e.PreviousHash, []);
        TimelineHash.Compute(a).ShouldNotBe(TimelineHash.Compute(b));
    }

    [Fact]
    public void The_first_broken_event_is_named_for_each_kind_of_damage()
    {
        var events = ChainOf(5);

        Verify(events.Select((e, i) => i == 2 ? With(e, payload: "{\"n\":99}") : e)).FirstBreak.ShouldBe(new ChainBreak(3, "Altered: event #3's content no longer matches its hash (a column was changed after it was written)."));
        Verify(events.Where(e => e.Sequence != 2)).FirstBreak!.Sequence.ShouldBe(2);
        Verify(events.Where(e => e.Sequence != 2)).FirstBreak!.Problem.ShouldStartWith("Missing: event #2");
        Verify(events.Append(events[3])).FirstBreak!.Problem.ShouldStartWith("Duplicate");
        Verify(events.Select(e => e.Sequence switch { 2 => With(events[2], sequence: 2), 3 => With(events[1], sequence: 3), _ => e }))
            .FirstBreak!.Problem.ShouldStartWith("Broken link: event #2");
        Verify(events.Select((e, i) => i == 0 ? With(e, previous: Enumerable.Repeat((byte)1, 32).ToArray()) : e)).FirstBreak!.Problem.ShouldStartWith("Broken link: the first event");
    }

    [Fact]
    public void A_checkpoint_catches_a_consistent_rewrite_and_a_cut_tail_but_not_an_intact_chain()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var events = ChainOf(5);
        var checkpoint = Checkpoint.Sign(Chain, new ChainHead(4, events[3].Hash, events[3].OccurredAt), T0.AddHours(1), key);

        Verify(events, checkpoint).Ok.ShouldBeTrue();

        // A forger rebuilds the whole chain with different content; every link holds.
        var forged = new List<TimelineEvent>();
        foreach (var e in events)
        {
            var head = forged.Count == 0 ? null : new ChainHead(forged[^1].Sequence, forged[^1].Hash, forged[^1].OccurredAt);
            forged.Add(TimelineEvent.Append(e.Id, Chain, head, new TimelineEntry(e.ActorUserId, e.ActorOrganisationId, e.Action, e.EntityType, e.EntityId, e.Sequence == 2 ? "{\"n\":-1}" : e.Payload), e.OccurredAt));
        }

        Verify(forged).Ok.ShouldBeTrue();
        var rewritten = Verify(forged, checkpoint);
        rewritten.FirstBreak!.Sequence.ShouldBe(4);
        rewritten.FirstBreak.Problem.ShouldStartWith("Rewritten: event #4");

        var cut = Verify(events.Take(2), checkpoint);
        cut.FirstBreak!.Sequence.ShouldBe(3);
        cut.FirstBreak.Problem.ShouldContain("Events #3–#4 were removed");
    }

    [Fact]
    public void A_checkpoint_signature_holds_only_for_its_own_content_and_key()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var e = ChainOf(1)[0];
        var c = Checkpoint.Sign(Chain, new ChainHead(1, e.Hash, e.OccurredAt), T0, key);

        c.SignatureHolds(key).ShouldBeTrue();
        c.SignatureHolds(other).ShouldBeFalse();
        Checkpoint.Restore(Chain, 2, c.HeadHash, c.TakenAt, c.KeyId, c.Signature).SignatureHolds(key).ShouldBeFalse();
        Checkpoint.Restore(Guid.NewGuid(), 1, c.HeadHash, c.TakenAt, c.KeyId, c.Signature).SignatureHolds(key).ShouldBeFalse();
        Checkpoint.Restore(Chain, 1, new byte[32], c.TakenAt, c.KeyId, c.Signature).SignatureHolds(key).ShouldBeFalse();
        Checkpoint.Restore(Chain, 1, c.HeadHash, c.TakenAt.AddSeconds(1), c.KeyId, c.Signature).SignatureHolds(key).ShouldBeFalse();
    }

    [Theory]
    [InlineData("registry", true)]
    [InlineData(" Registry ", true)]
    [InlineData("01a20aa6-787a-74c9-9410-e1e1db6bcfc5", true)]
    [InlineData("00000000-0000-0000-0000-000000000000", false)]
    [InlineData("incident", false)]
    [InlineData("", false)]
    public void Chains_are_named_registry_or_by_incident_id(string text, bool valid)
    {
        TimelineChains.TryParse(text, out _).ShouldBe(valid);
    }

    [Fact]
    public void Canonical_json_sorts_keys_at_every_level_and_keeps_letters_as_they_are()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse("""{ "b": 1, "a": { "z": [ { "y": 2, "x": "青河" } ], "c": null } }""")!;

        CanonicalJson.Write(node).ShouldBe("""{"a":{"c":null,"z":[{"x":"青河","y":2}]},"b":1}""");
    }

    [Fact]
    public void Every_command_names_the_entity_its_event_records()
    {
        var commands = typeof(AppDbContext).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBaseCommand).IsAssignableFrom(t))
            .ToList();

        commands.Count.ShouldBeGreaterThan(5);
        commands.Where(t => t.GetCustomAttribute<RecordedAsAttribute>() is null).Select(t => t.Name).ShouldBeEmpty();
    }
}
