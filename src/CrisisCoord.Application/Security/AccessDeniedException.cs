namespace CrisisCoord.Application.Security;

/// <summary>The sender is signed in but may not do this. The edge answers 403.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);

/// <summary>The sender is not signed in. The edge answers 401 (API) or sends them to sign in (pages).</summary>
public sealed class NotAuthenticatedException() : Exception("Sign in first.");
