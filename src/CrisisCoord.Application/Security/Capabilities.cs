namespace CrisisCoord.Application.Security;

/// <summary>
/// What the reader may do to one subject now, and for each act they may not, why. Pages draw their buttons
/// from it and API clients read it; neither restates a rule.
/// </summary>
public sealed record Capabilities(IReadOnlyList<Act> Allowed, IReadOnlyDictionary<Act, string> Refused)
{
    public static readonly Capabilities None = new([], new Dictionary<Act, string>());

    public bool Can(Act act) => Allowed.Contains(act);

    public string? WhyNot(Act act) => Refused.TryGetValue(act, out var reason) ? reason : null;
}
