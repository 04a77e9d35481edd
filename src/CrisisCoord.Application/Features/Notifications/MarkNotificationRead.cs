using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Notifications;

/// <summary>
/// Marks one of the person's notifications read. Not on the timeline: it changes nobody's record but the reader's
/// own inbox. Someone else's notification is answered as one that does not exist.
/// </summary>
[Performs(Act.ManageOwnNotifications)]
public sealed record MarkNotificationReadCommand(Guid Id) : IRequest<string>;

public sealed class MarkNotificationReadCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<MarkNotificationReadCommand, string>
{
    /// <summary>Returns the portal path of the thing the notification is about, for the inbox to go on to.</summary>
    public async ValueTask<string> Handle(MarkNotificationReadCommand command, CancellationToken cancellationToken)
    {
        var link = await MyInbox.Of(db, user).Where(n => n.Id == command.Id).Select(n => n.Link).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Notification", command.Id);
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.Id == command.Id && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        return link;
    }
}
