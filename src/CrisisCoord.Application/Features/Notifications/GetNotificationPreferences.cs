using CrisisCoord.Application.Data;
using CrisisCoord.Application.Notifications;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Notifications;

/// <summary>How each kind of notification reaches the person: their choice, or the default.</summary>
[Performs(Act.ViewOwnNotifications)]
public sealed record GetNotificationPreferencesQuery : IQuery<NotificationPreferences>;

/// <summary>One kind: how it reaches the person now, and the default; <c>Chosen</c> is false while the default applies.</summary>
public sealed record NotificationPreferenceDto(NotificationKind Kind, string Description, NotificationDelivery Delivery, NotificationDelivery Default, bool Chosen);

public sealed record NotificationPreferences(IReadOnlyList<NotificationPreferenceDto> Items);

public sealed class GetNotificationPreferencesQueryHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<GetNotificationPreferencesQuery, NotificationPreferences>
{
    public async ValueTask<NotificationPreferences> Handle(GetNotificationPreferencesQuery query, CancellationToken cancellationToken) =>
        await ReadAsync(db, user.UserId ?? throw new NotAuthenticatedException(), cancellationToken);

    public static async Task<NotificationPreferences> ReadAsync(AppDbContext db, Guid me, CancellationToken cancellationToken)
    {
        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == me).ToDictionaryAsync(p => p.Kind, p => p.Delivery, cancellationToken);
        return new NotificationPreferences([.. Enum.GetValues<NotificationKind>().Select(kind => new NotificationPreferenceDto(
            kind,
            NotificationText.Describe(kind),
            chosen.TryGetValue(kind, out var delivery) ? delivery : NotificationDefaults.For(kind),
            NotificationDefaults.For(kind),
            chosen.ContainsKey(kind)))]);
    }
}
