namespace CrisisCoord.Domain.Timeline;

/// <summary>
/// Walks one chain in sequence order and finds the first event that does not hold: a gap or repeat
/// in the sequence, a link that does not point at the previous event's hash, a hash that does not
/// match the event's content, or time running backwards. Then compares the result with checkpoints
/// signed earlier, which is what catches a chain rewritten consistently from some point on, or cut
/// short. Memory does not grow with the chain: only the previous event is kept.
/// </summary>
public sealed class ChainVerifier(Guid chainId)
{
    private long _expected = 1;
    private byte[] _previousHash = TimelineHash.Genesis;
    private DateTimeOffset _previousTime = DateTimeOffset.MinValue;
    private readonly Dictionary<long, byte[]> _wanted = [];

    public Guid ChainId { get; } = chainId;

    public long EventsChecked { get; private set; }

    public ChainBreak? FirstBreak { get; private set; }

    public ChainHead? Head { get; private set; }

    /// <summary>Asks the walk to remember the hash at these sequences, to compare with checkpoints.</summary>
    public void Remember(IEnumerable<long> sequences)
    {
        foreach (var sequence in sequences)
        {
            _wanted[sequence] = [];
        }
    }

    /// <summary>Checks the next event; false once the chain is broken (later events are not checked).</summary>
    public bool Check(TimelineEvent e)
    {
        if (FirstBreak is not null)
        {
            return false;
        }

        var problem = Problem(e);
        if (problem is not null)
        {
            FirstBreak = new ChainBreak(Math.Min(e.Sequence, _expected), problem);
            return false;
        }

        EventsChecked++;
        if (_wanted.ContainsKey(e.Sequence))
        {
            _wanted[e.Sequence] = e.Hash;
        }

        _expected = e.Sequence + 1;
        _previousHash = e.Hash;
        _previousTime = e.OccurredAt;
        Head = new ChainHead(e.Sequence, e.Hash, e.OccurredAt);
        return true;
    }

    /// <summary>
    /// Compares the walked chain with checkpoints and witnesses whose signatures were already checked.
    /// The earliest disagreement wins if it comes before any break the walk itself found.
    /// </summary>
    public ChainVerification Complete(IEnumerable<ISignedHead> checkpoints)
    {
        foreach (var checkpoint in checkpoints.Where(c => c.ChainId == ChainId).OrderBy(c => c.Sequence))
        {
            if (FirstBreak is { } found && found.Sequence <= checkpoint.Sequence)
            {
                break;
            }

            var head = Head?.Sequence ?? 0;
            if (checkpoint.Sequence > head)
            {
                Report(new ChainBreak(
                    head + 1,
                    $"Missing: {checkpoint.Description} covers {checkpoint.Sequence} events, but the chain now ends at #{head}. Events #{head + 1}–#{checkpoint.Sequence} were removed."));
                break;
            }

            if (_wanted.TryGetValue(checkpoint.Sequence, out var hash) && !hash.AsSpan().SequenceEqual(checkpoint.HeadHash))
            {
                Report(new ChainBreak(
                    checkpoint.Sequence,
                    $"Rewritten: event #{checkpoint.Sequence} hashes to {TimelineHash.Hex(hash)[..16]}…, but {checkpoint.Description} recorded {TimelineHash.Hex(checkpoint.HeadHash)[..16]}…. The chain up to #{checkpoint.Sequence} was replaced after it was signed."));
                break;
            }
        }

        return new ChainVerification(ChainId, FirstBreak is null, EventsChecked, Head, FirstBreak);
    }

    private void Report(ChainBreak found)
    {
        if (FirstBreak is null || found.Sequence < FirstBreak.Sequence)
        {
            FirstBreak = found;
        }
    }

    private string? Problem(TimelineEvent e)
    {
        if (e.ChainId != ChainId)
        {
            return $"Event {e.Id} belongs to chain {e.ChainId}, not this chain.";
        }

        if (e.Sequence > _expected)
        {
            return e.Sequence == _expected + 1
                ? $"Missing: event #{_expected} is not in the chain (the next event found is #{e.Sequence})."
                : $"Missing: events #{_expected}–#{e.Sequence - 1} are not in the chain (the next event found is #{e.Sequence}).";
        }

        if (e.Sequence < _expected)
        {
            return $"Duplicate: a second event numbered #{e.Sequence}.";
        }

        if (!e.PreviousHash.AsSpan().SequenceEqual(_previousHash))
        {
            return e.Sequence == 1
                ? "Broken link: the first event's previous hash is not 32 zero bytes."
                : $"Broken link: event #{e.Sequence} does not point at event #{e.Sequence - 1}'s hash (events removed, inserted or swapped).";
        }

        if (!TimelineHash.Compute(e).AsSpan().SequenceEqual(e.Hash))
        {
            return $"Altered: event #{e.Sequence}'s content no longer matches its hash (a column was changed after it was written).";
        }

        if (e.OccurredAt < _previousTime)
        {
            return $"Out of order: event #{e.Sequence} is dated before event #{e.Sequence - 1}.";
        }

        return null;
    }
}

public sealed record ChainBreak(long Sequence, string Problem);

public sealed record ChainVerification(Guid ChainId, bool Ok, long EventsChecked, ChainHead? Head, ChainBreak? FirstBreak);
