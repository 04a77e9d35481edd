using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Account;

/// <summary>
/// The person keeps the language they read in and the time zone they type times in, for every device they sign in
/// on. What is not given keeps its setting. Not on the timeline: it is no part of the crisis record.
/// </summary>
[Performs(Act.ManageOwnPreferences)]
public sealed record SetMyPreferencesCommand : IRequest<MyPreferences>
{
    /// <summary>A supported culture, en or zh-CN.</summary>
    public string? Language { get; init; }

    /// <summary>An IANA time zone, e.g. Asia/Shanghai.</summary>
    public string? TimeZone { get; init; }
}

public sealed record MyPreferences(string? Language, string? TimeZone);

public sealed class SetMyPreferencesCommandValidator : AbstractValidator<SetMyPreferencesCommand>
{
    public SetMyPreferencesCommandValidator()
    {
        RuleFor(x => x)
            .Must(x => !string.IsNullOrWhiteSpace(x.Language) || !string.IsNullOrWhiteSpace(x.TimeZone))
            .WithName(_ => Texts.Get("Validation.Name.Language"))
            .WithMessage(_ => Texts.Get("Preferences.Nothing"));
        RuleFor(x => x.Language)
            .Must(language => Languages.Find(language) is not null)
            .When(x => !string.IsNullOrWhiteSpace(x.Language))
            .WithMessage(_ => Texts.Format("Preferences.UnknownLanguage", string.Join(", ", Languages.Supported.Select(l => l.Culture))));
        RuleFor(x => x.TimeZone)
            .Must(zone => ReaderTime.FindZone(zone) is not null)
            .When(x => !string.IsNullOrWhiteSpace(x.TimeZone))
            .WithMessage(x => Texts.Format("Preferences.UnknownZone", x.TimeZone));
    }
}

public sealed class SetMyPreferencesCommandHandler(AppDbContext db, ICurrentUser user)
    : IRequestHandler<SetMyPreferencesCommand, MyPreferences>
{
    public async ValueTask<MyPreferences> Handle(SetMyPreferencesCommand command, CancellationToken cancellationToken)
    {
        var me = user.UserId ?? throw new NotAuthenticatedException();
        var person = await db.Users.SingleOrDefaultAsync(u => u.Id == me, cancellationToken) ?? throw new NotAuthenticatedException();
        if (Languages.Find(command.Language) is { } language)
        {
            person.PreferredLanguage = language;
        }

        if (ReaderTime.FindZone(command.TimeZone) is { } zone)
        {
            person.TimeZone = zone.Id;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new MyPreferences(person.PreferredLanguage, person.TimeZone);
    }
}
