using CrisisCoord.Application.Live;
using CrisisCoord.Application.Security;
using Mediator;

namespace CrisisCoord.Application.Features.Live;

/// <summary>
/// The public warnings page asks to be told when a CAP message is issued. Anyone may, as anyone may read the
/// page; the signal says only that the page changed, and the page then shows what public readers may see.
/// </summary>
[Performs(Act.ReadPublicWarnings)]
public sealed record WatchPublicWarningsQuery : IQuery<string>;

public sealed class WatchPublicWarningsQueryHandler : IQueryHandler<WatchPublicWarningsQuery, string>
{
    public ValueTask<string> Handle(WatchPublicWarningsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(LiveTopics.PublicWarnings);
}
