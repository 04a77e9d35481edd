namespace CrisisCoord.Application.Live;

/// <summary>
/// Tells open screens that something they show has changed, after the change committed. A signal names only a
/// topic, never what changed: each screen asks again through the ordinary, authorized read, so a signal can
/// never carry something its receiver may not see.
/// </summary>
public interface ILiveSignals
{
    /// <summary>Fire and forget: a failure to signal must never undo or fail the change.</summary>
    void Changed(IReadOnlyCollection<Guid> incidents);

    /// <summary>A CAP message was issued and the public page's cache dropped: public screens read again.</summary>
    void PublicWarningsChanged();
}

/// <summary>For hosts with no screens to tell (the audit tool, migrations).</summary>
public sealed class NoScreens : ILiveSignals
{
    public void Changed(IReadOnlyCollection<Guid> incidents)
    {
    }

    public void PublicWarningsChanged()
    {
    }
}
