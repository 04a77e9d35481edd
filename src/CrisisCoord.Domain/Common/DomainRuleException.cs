namespace CrisisCoord.Domain.Common;

/// <summary>
/// A request that is well-formed but breaks a rule of the domain in the entity's current state,
/// such as an illegal phase transition. The edge reports it as a conflict.
/// </summary>
public class DomainRuleException(string message) : Exception(message);
