using System.Linq.Expressions;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Incidents;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>An incident as the API and the pages show it.</summary>
public sealed record IncidentDto(
    Guid Id,
    string Title,
    string Description,
    IncidentCategory Category,
    Severity Severity,
    IncidentState State,
    string PlaceName,
    double Latitude,
    double Longitude,
    DateTimeOffset ReportedAt,
    DateTimeOffset StateChangedAt,
    string StateReason,
    Guid? LeadOrganisationId,
    bool EscalationRequired,
    bool AwaitingGrade,
    Guid? MergedIntoIncidentId,
    string Area,
    uint Version)
{
    /// <summary>One projection for every read, so the list, the detail and the write return the same shape.</summary>
    public static readonly Expression<Func<Incident, IncidentDto>> Projection = x => new IncidentDto(
        x.Id,
        x.Title,
        x.Description,
        x.Category,
        x.Severity,
        x.State,
        x.PlaceName,
        x.Latitude,
        x.Longitude,
        x.ReportedAt,
        x.StateChangedAt,
        x.StateReason,
        x.LeadOrganisationId,
        x.EscalationRequired,
        x.AwaitingGrade,
        x.MergedIntoIncidentId,
        x.Area,
        x.Version);

    private static readonly Func<Incident, IncidentDto> Compiled = Projection.Compile();

    /// <summary>False when the reader's organisation neither reported nor takes part: the description is withheld.</summary>
    public bool DetailShown { get; init; } = true;

    /// <summary>What the reader may do to the incident; only on a read of the one incident.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Capabilities? Capabilities { get; init; }

    /// <summary>The grade as people should read it: none while a report awaits a verifier's grade.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Severity? Grade => AwaitingGrade ? null : Severity;

    /// <summary>The public summary only.</summary>
    public IncidentDto WithoutDetail() => this with { Description = "", StateReason = "", DetailShown = false };

    public static IncidentDto From(Incident incident) => Compiled(incident);
}
