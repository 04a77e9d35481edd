using CrisisCoord.Domain.Common;

namespace CrisisCoord.Application.Security;

/// <summary>The sender is signed in but may not do this. The edge answers 403, saying why in the reader's language.</summary>
public sealed class AccessDeniedException : Exception, IHasPhrase
{
    public AccessDeniedException(Phrase phrase)
        : base(phrase.ToString()) => Phrase = phrase;

    /// <summary>A reason already written in the reader's language (e.g. read from <see cref="Capabilities"/>).</summary>
    public AccessDeniedException(string said)
        : base(said)
    {
    }

    public Phrase? Phrase { get; }
}

/// <summary>The sender is not signed in. The edge answers 401 (API) or sends them to sign in (pages).</summary>
public sealed class NotAuthenticatedException() : Exception("Sign in first.");
