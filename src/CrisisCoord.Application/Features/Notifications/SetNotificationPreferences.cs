using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Notifications;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Notifications;

/// <summary>
/// The person chooses, for the kinds listed, how notifications reach them; kinds not listed keep their setting.
/// Kinds and deliveries are taken as text so a wrong one is answered by name, like any other field.
/// </summary>
[Performs(Act.ManageOwnNotifications)]
public sealed record SetNotificationPreferencesCommand : IRequest<NotificationPreferences>
{
    public IReadOnlyList<NotificationPreferenceInput>? Preferences { get; init; }
}

public sealed record NotificationPreferenceInput
{
    /// <summary>A <see cref="NotificationKind"/> by name, e.g. TaskAssigned.</summary>
    public string? Kind { get; init; }

    /// <summary>InApp, Email or HourlyDigest.</summary>
    public string? Delivery { get; init; }
}

public sealed class SetNotificationPreferencesCommandValidator : AbstractValidator<SetNotificationPreferencesCommand>
{
    public SetNotificationPreferencesCommandValidator()
    {
        RuleFor(x => x.Preferences).NotEmpty().WithMessage(_ => Texts.Get("Validation.Notifications.ListLeastKindNotification"));
        RuleForEach(x => x.Preferences).ChildRules(item =>
        {
            item.RuleFor(p => p.Kind)
                .Must(kind => EnumText.TryParse<NotificationKind>(kind, out _))
                .WithMessage(p => EnumText.NotValidMessage<NotificationKind>(p.Kind));
            item.RuleFor(p => p.Delivery)
                .Must(delivery => EnumText.TryParse<NotificationDelivery>(delivery, out _))
                .WithMessage(p => EnumText.NotValidMessage<NotificationDelivery>(p.Delivery));
        });
        RuleFor(x => x.Preferences)
            .Must(list => list!.Select(p => p.Kind?.Trim().ToLowerInvariant()).Distinct().Count() == list!.Count)
            .When(x => x.Preferences is { Count: > 0 })
            .WithMessage(_ => Texts.Get("Validation.Notifications.EachKindMayListed"));
    }
}

public sealed class SetNotificationPreferencesCommandHandler(AppDbContext db, ICurrentUser user)
    : IRequestHandler<SetNotificationPreferencesCommand, NotificationPreferences>
{
    public async ValueTask<NotificationPreferences> Handle(SetNotificationPreferencesCommand command, CancellationToken cancellationToken)
    {
        var me = user.UserId ?? throw new NotAuthenticatedException();
        var existing = await db.NotificationPreferences.Where(p => p.UserId == me).ToDictionaryAsync(p => p.Kind, cancellationToken);
        foreach (var input in command.Preferences!)
        {
            EnumText.TryParse<NotificationKind>(input.Kind, out var kind);
            EnumText.TryParse<NotificationDelivery>(input.Delivery, out var delivery);
            if (existing.TryGetValue(kind, out var preference))
            {
                preference.Delivery = delivery;
            }
            else
            {
                db.NotificationPreferences.Add(NotificationPreference.Of(me, kind, delivery));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return await GetNotificationPreferencesQueryHandler.ReadAsync(db, me, cancellationToken);
    }
}
