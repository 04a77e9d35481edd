using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Notifications;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Notifications;

/// <summary>The person's inbox, newest first, a page at a time (before a notification's id), with the unread count.</summary>
[Performs(Act.ViewOwnNotifications)]
public sealed record ListMyNotificationsQuery : IQuery<NotificationList>
{
    /// <summary>The id of the last notification of the previous page; none for the newest.</summary>
    public Guid? Before { get; init; }

    public int? Limit { get; init; }

    public bool? UnreadOnly { get; init; }
}

public sealed record NotificationDto(Guid Id, NotificationKind Kind, string Title, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>A page of the inbox; <c>Next</c> is the <c>before</c> for the next page, none when this is the last.</summary>
public sealed record NotificationList(IReadOnlyList<NotificationDto> Items, int Unread, Guid? Next);

public sealed class ListMyNotificationsQueryValidator : AbstractValidator<ListMyNotificationsQuery>
{
    public const int MaxLimit = 100;

    public ListMyNotificationsQueryValidator() =>
        RuleFor(x => x.Limit).InclusiveBetween(1, MaxLimit).WithMessage(_ => Texts.Format("Validation.Notifications.Ask1NotificationsTime", MaxLimit));
}

public sealed class ListMyNotificationsQueryHandler(AppDbContext db, ICurrentUser user) : IQueryHandler<ListMyNotificationsQuery, NotificationList>
{
    public async ValueTask<NotificationList> Handle(ListMyNotificationsQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? 50;
        var mine = MyInbox.Of(db, user);
        var page = mine;
        if (query.Before is { } before)
        {
            // Ids are time-ordered (version 7), so they are the keyset.
            page = page.Where(n => n.Id < before);
        }

        if (query.UnreadOnly == true)
        {
            page = page.Where(n => n.ReadAt == null);
        }

        var rows = await page.OrderByDescending(n => n.Id).Take(limit + 1)
            .Select(n => new { n.Id, n.Kind, n.Title, n.Titles, n.Link, n.CreatedAt, n.ReadAt })
            .ToListAsync(cancellationToken);
        // Each title in the language the reader reads in now; one written before titles had languages reads as written.
        var language = Languages.Current;
        var items = rows.Select(n => new NotificationDto(n.Id, n.Kind, Notification.TitleIn(n.Titles, n.Title, language), n.Link, n.CreatedAt, n.ReadAt)).ToList();
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        return new NotificationList([.. items.Take(limit)], unread, items.Count > limit ? items[limit - 1].Id : null);
    }
}

/// <summary>
/// What a person's inbox holds: their notifications, less those that reached them through an organisation they no
/// longer act for (the titles are that organisation's business).
/// </summary>
public static class MyInbox
{
    public static IQueryable<Notification> Of(AppDbContext db, ICurrentUser user)
    {
        var me = user.UserId ?? throw new NotAuthenticatedException();
        var organisation = user.OrganisationId;
        return db.Notifications.AsNoTracking().Where(n => n.UserId == me && (n.OrganisationId == null || n.OrganisationId == organisation));
    }
}
