using CrisisCoord.Domain.Incidents;

namespace CrisisCoord.Domain.Warnings;

/// <summary>
/// Who approves a warning. A coordinator of the incident always may. Where minutes count, a deployment may let
/// the person who drafted it publish it alone for the gravest incidents still in the warning phase: grade
/// <see cref="DrafterMayPublishAloneUpToGrade"/> and graver (I is the gravest). Null: never.
/// </summary>
public sealed record WarningApproval(Severity? DrafterMayPublishAloneUpToGrade)
{
    public static readonly WarningApproval CoordinatorsOnly = new((Severity?)null);

    public bool DrafterMayPublishAlone(Severity severity, IncidentState state) =>
        DrafterMayPublishAloneUpToGrade is { } grade && state == IncidentState.Warning && severity <= grade;

    /// <summary>The exception in words, for a refusal.</summary>
    public string Explain() => DrafterMayPublishAloneUpToGrade is { } grade
        ? $" (its drafter may act alone only on a grade {(grade == Severity.I ? "I" : $"I–{grade}")} incident in the warning phase)"
        : "";
}
