using System.Text.Json.Serialization;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Reviews;

namespace CrisisCoord.Application.Features.Reviews;

/// <summary>An incident's after-action review as shown and printed: what it says, whether it is signed, and what the reader may do.</summary>
public sealed record IncidentReviewDto(ReviewContent Content, ReviewSignatureDto? Signature, Capabilities Capabilities);

/// <summary>
/// Everything the review says, drafted from the record. Its canonical JSON is what the lead signs
/// (<see cref="ReviewDrafter.HashOf"/>), so it holds nothing that depends on when it is read.
/// </summary>
public sealed record ReviewContent(
    Guid IncidentId,
    string Title,
    string PlaceName,
    IncidentState State,
    Severity? Severity,
    string LeadOrganisation,
    IReadOnlyList<ReviewSentence> Timeline,
    IReadOnlyList<KeyTime> KeyTimes,
    IReadOnlyList<ObligationRecord> Obligations,
    IReadOnlyList<PhaseBalance> Balance,
    IReadOnlyList<AcknowledgeTime> TimeToAcknowledge,
    IReadOnlyList<ResourceLine> Resources,
    IReadOnlyList<ObjectiveLine> Objectives,
    IReadOnlyList<ReviewNoteDto> Notes);

/// <summary>
/// One event of the incident's chain, told in plain language. <see cref="Text"/> is the English as drafted and signed;
/// <see cref="Said"/> is the same sentence for the reader, written in their language when the review is read, and is
/// no part of what is hashed or sent.
/// </summary>
public sealed record ReviewSentence(long Sequence, DateTimeOffset At, string Text, [property: JsonIgnore] Phrase? Said = null);

/// <summary>A milestone: when it happened (null: it did not), and how long after the report and after the milestone before it.</summary>
public sealed record KeyTime(string Milestone, DateTimeOffset? At, TimeSpan? SinceReported, TimeSpan? SincePrevious);

/// <summary>
/// One organisation's record on one obligation: how many it met and how many it breached. <see cref="Met"/> is
/// null where the record cannot tell how many were owed (situation reports and objectives are owed by the clock, not per row).
/// </summary>
public sealed record ObligationRecord(string Organisation, Obligation Obligation, int? Met, int Breached);

/// <summary>Who carried the work in one phase: tasks held and commitments made, by kind of organisation.</summary>
public sealed record PhaseBalance(Phases Phase, IReadOnlyList<KindShare> Kinds)
{
    public int Total => Kinds.Sum(k => k.Tasks + k.Commitments);
}

public sealed record KindShare(OrganisationKind Kind, int Tasks, int Commitments);

/// <summary>How long an organisation took to accept or decline the tasks given to it.</summary>
public sealed record AcknowledgeTime(string Organisation, int Tasks, TimeSpan Average, TimeSpan Longest);

/// <summary>One kind of resource: how much was asked for, committed (not released) and delivered (arrived).</summary>
public sealed record ResourceLine(string ResourceType, string Unit, decimal Requested, decimal Committed, decimal Delivered);

public sealed record ObjectiveLine(string Title, Phases Phase, ObjectiveStatus Status, decimal Progress, decimal? Target, string Unit, string WaiverReason);

public sealed record ReviewNoteDto(Guid Id, ReviewNoteKind Kind, string Text, string Organisation, string Author, DateTimeOffset WrittenAt);

/// <summary>The lead's signature, and whether the review drafted now still hashes to what was signed.</summary>
public sealed record ReviewSignatureDto(string ContentHash, long ThroughSequence, string Organisation, string SignedBy, DateTimeOffset SignedAt, bool StillMatches);
