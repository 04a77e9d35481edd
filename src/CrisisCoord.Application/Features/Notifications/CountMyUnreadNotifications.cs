using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Notifications;

/// <summary>How many of the person's notifications are unread: the number on the bell.</summary>
[Performs(Act.ViewOwnNotifications)]
public sealed record CountMyUnreadNotificationsQuery : IQuery<int>;

public sealed class CountMyUnreadNotificationsQueryHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<CountMyUnreadNotificationsQuery, int>
{
    public async ValueTask<int> Handle(CountMyUnreadNotificationsQuery query, CancellationToken cancellationToken) =>
        await MyInbox.Of(db, user).CountAsync(n => n.ReadAt == null, cancellationToken);
}
