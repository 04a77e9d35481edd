namespace CrisisCoord.Application.Localization;

/// <summary>
/// The same words in another language: shared content that has an agreed version in each language, such as an
/// organisation's official name or the demo scenario's titles (ADR 0038). Text people type stays as typed; only text
/// with a version here reads differently to a reader of <see cref="Language"/>.
/// </summary>
public sealed class TextVersion
{
    /// <summary>The reader's language this version is for, as in <see cref="Languages.Supported"/> (e.g. "zh-CN").</summary>
    public required string Language { get; init; }

    /// <summary>The text as stored where it is used, exactly.</summary>
    public required string Original { get; init; }

    public required string Version { get; set; }
}
