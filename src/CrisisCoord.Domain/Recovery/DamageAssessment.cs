using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Requests;

namespace CrisisCoord.Domain.Recovery;

/// <summary>How a lifeline (power, water, roads, telecoms) was found at a place.</summary>
public enum LifelineStatus
{
    Working,
    Degraded,
    Out,
}

/// <summary>What a damage assessment counted at one place: buildings by damage level and people affected.</summary>
public readonly record struct DamageCounts(
    int BuildingsDestroyed,
    int BuildingsSevere,
    int BuildingsModerate,
    int BuildingsMinor,
    int PeopleDisplaced,
    int PeopleInjured,
    int PeopleMissing)
{
    /// <summary>More than any one place holds; a larger number is a typing slip.</summary>
    public const int MaxCount = 10_000_000;

    public static DamageCounts operator +(DamageCounts a, DamageCounts b) => new(
        a.BuildingsDestroyed + b.BuildingsDestroyed,
        a.BuildingsSevere + b.BuildingsSevere,
        a.BuildingsModerate + b.BuildingsModerate,
        a.BuildingsMinor + b.BuildingsMinor,
        a.PeopleDisplaced + b.PeopleDisplaced,
        a.PeopleInjured + b.PeopleInjured,
        a.PeopleMissing + b.PeopleMissing);

    public bool AllInRange() =>
        new[] { BuildingsDestroyed, BuildingsSevere, BuildingsModerate, BuildingsMinor, PeopleDisplaced, PeopleInjured, PeopleMissing }
            .All(n => n is >= 0 and <= MaxCount);
}

/// <summary>The state of the four lifelines at a place.</summary>
public readonly record struct Lifelines(LifelineStatus Power, LifelineStatus Water, LifelineStatus Roads, LifelineStatus Telecoms);

/// <summary>
/// A structured damage and needs assessment of one place on an incident: what was destroyed or damaged, who is
/// displaced, injured or missing, how the lifelines stand, and what is needed. Assessments of the places in an area add
/// up (its place name, case-insensitive); each need may become a resource request, and the assessment a recovery task.
/// </summary>
public sealed class DamageAssessment
{
    public const int PlaceNameMaxLength = 200;
    public const int NotesMaxLength = 2000;
    public const int MaxNeeds = 50;

    private readonly List<AssessmentNeed> _needs = [];

    private DamageAssessment()
    {
    }

    public Guid Id { get; private set; }

    public Guid IncidentId { get; private set; }

    /// <summary>The organisation whose team assessed the place.</summary>
    public Guid OrganisationId { get; private set; }

    public Guid? AssessedBy { get; private set; }

    public string PlaceName { get; private set; } = "";

    public double Latitude { get; private set; }

    public double Longitude { get; private set; }

    public int BuildingsDestroyed { get; private set; }

    public int BuildingsSevere { get; private set; }

    public int BuildingsModerate { get; private set; }

    public int BuildingsMinor { get; private set; }

    public int PeopleDisplaced { get; private set; }

    public int PeopleInjured { get; private set; }

    public int PeopleMissing { get; private set; }

    public LifelineStatus Power { get; private set; }

    public LifelineStatus Water { get; private set; }

    public LifelineStatus Roads { get; private set; }

    public LifelineStatus Telecoms { get; private set; }

    public string Notes { get; private set; } = "";

    public DateTimeOffset AssessedAt { get; private set; }

    /// <summary>The recovery task a coordinator made of this assessment.</summary>
    public Guid? TaskId { get; private set; }

    public IReadOnlyList<AssessmentNeed> Needs => _needs;

    public uint Version { get; private set; }

    public DamageCounts Counts => new(BuildingsDestroyed, BuildingsSevere, BuildingsModerate, BuildingsMinor, PeopleDisplaced, PeopleInjured, PeopleMissing);

    /// <summary>Needs as (resource type, quantity); a type at most once.</summary>
    public static DamageAssessment Record(
        Guid incidentId, Guid organisationId, Guid? assessedBy, GeoPlace place, DamageCounts counts, Lifelines lifelines,
        IReadOnlyList<(Guid ResourceTypeId, decimal Quantity)> needs, string notes, DateTimeOffset now)
    {
        if (!counts.AllInRange())
        {
            throw new ArgumentOutOfRangeException(nameof(counts), $"Counts are between 0 and {DamageCounts.MaxCount}.");
        }

        if (needs.Count > MaxNeeds || needs.Select(n => n.ResourceTypeId).Distinct().Count() != needs.Count || needs.Any(n => n.Quantity <= 0))
        {
            throw new ArgumentException("Each need is a different resource type with a quantity above zero.", nameof(needs));
        }

        var at = Microseconds.Truncate(now);
        var assessment = new DamageAssessment
        {
            Id = Guid.CreateVersion7(at),
            IncidentId = incidentId,
            OrganisationId = organisationId,
            AssessedBy = assessedBy,
            PlaceName = place.Name.Trim(),
            Latitude = place.Latitude,
            Longitude = place.Longitude,
            BuildingsDestroyed = counts.BuildingsDestroyed,
            BuildingsSevere = counts.BuildingsSevere,
            BuildingsModerate = counts.BuildingsModerate,
            BuildingsMinor = counts.BuildingsMinor,
            PeopleDisplaced = counts.PeopleDisplaced,
            PeopleInjured = counts.PeopleInjured,
            PeopleMissing = counts.PeopleMissing,
            Power = lifelines.Power,
            Water = lifelines.Water,
            Roads = lifelines.Roads,
            Telecoms = lifelines.Telecoms,
            Notes = notes.Trim(),
            AssessedAt = at,
        };
        assessment._needs.AddRange(needs.Select((n, i) => new AssessmentNeed(assessment.Id, i, n.ResourceTypeId, n.Quantity)));
        return assessment;
    }

    /// <summary>A coordinator made a recovery task of this assessment.</summary>
    public void HandOver(Guid taskId)
    {
        if (WhyNotHandOver(TaskId) is { } why)
        {
            throw new DomainRuleException(why);
        }

        TaskId = taskId;
    }

    public static Phrase? WhyNotHandOver(Guid? taskId) =>
        taskId is not null ? new("Rule.Assessment.AlreadyTask", "A recovery task has already been made of this assessment.") : null;
}

/// <summary>So much of a resource type needed at the assessed place; once asked for, the request it became.</summary>
public sealed class AssessmentNeed
{
    private AssessmentNeed()
    {
    }

    internal AssessmentNeed(Guid assessmentId, int position, Guid resourceTypeId, decimal quantity)
    {
        Id = Guid.CreateVersion7();
        AssessmentId = assessmentId;
        Position = position;
        ResourceTypeId = resourceTypeId;
        Quantity = quantity;
    }

    public Guid Id { get; private set; }

    public Guid AssessmentId { get; private set; }

    /// <summary>The order the assessor listed it in.</summary>
    public int Position { get; private set; }

    public Guid ResourceTypeId { get; private set; }

    public decimal Quantity { get; private set; }

    /// <summary>The resource request raised for this need.</summary>
    public Guid? RequestId { get; private set; }

    public void Requested(Guid requestId)
    {
        if (WhyNotRequest(RequestId) is { } why)
        {
            throw new DomainRuleException(why);
        }

        RequestId = requestId;
    }

    public static Phrase? WhyNotRequest(Guid? requestId) =>
        requestId is not null ? new("Rule.Assessment.AlreadyRequested", "This need has already been asked for: a resource request was raised for it.") : null;
}
