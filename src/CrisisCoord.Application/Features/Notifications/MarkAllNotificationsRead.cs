using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Notifications;

/// <summary>Marks every unread notification in the person's inbox read; returns how many.</summary>
[Performs(Act.ManageOwnNotifications)]
public sealed record MarkAllNotificationsReadCommand : IRequest<int>;

public sealed class MarkAllNotificationsReadCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<MarkAllNotificationsReadCommand, int>
{
    public async ValueTask<int> Handle(MarkAllNotificationsReadCommand command, CancellationToken cancellationToken)
    {
        var unread = MyInbox.Of(db, user).Where(n => n.ReadAt == null).Select(n => n.Id);
        var now = clock.GetUtcNow();
        return await db.Notifications.Where(n => unread.Contains(n.Id)).ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
