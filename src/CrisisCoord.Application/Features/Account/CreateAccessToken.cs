using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.AccessTokens;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace CrisisCoord.Application.Features.Account;

/// <summary>
/// A signed-in person makes a personal access token for a script: named, read-only or read-write, and for a
/// chosen number of days (at most a year). The token text is in the answer once and is never stored.
/// </summary>
[Performs(Act.ManageOwnAccessTokens)]
public sealed record CreateAccessTokenCommand : IRequest<CreatedAccessToken>
{
    public string? Name { get; init; }

    public AccessTokenScope? Scope { get; init; }

    /// <summary>How long it lasts, 1 to 365 days.</summary>
    public int? ExpiresInDays { get; init; }
}

/// <summary>The new token: <c>Token</c> is the secret to send as <c>Authorization: Bearer</c>, shown only now.</summary>
public sealed record CreatedAccessToken(Guid Id, string Name, AccessTokenScope Scope, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string Token);

public sealed class CreateAccessTokenCommandValidator : AbstractValidator<CreateAccessTokenCommand>
{
    public CreateAccessTokenCommandValidator()
    {
        RuleFor(x => x.Name)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage(_ => Texts.Get("Validation.Account.NameTokenAfterWhat"))
            .MaximumLength(PersonalAccessToken.NameMaxLength)
            .PlainText();
        RuleFor(x => x.Scope)
            .NotNull().WithMessage(_ => Texts.Format("Validation.Account.ChooseWhatTokenMay", EnumText.Allowed<AccessTokenScope>()))
            .Known().WithMessage(x => EnumText.NotValidMessage<AccessTokenScope>(x.Scope.ToString()));
        RuleFor(x => x.ExpiresInDays)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Account.ChooseWhenTokenExpires"))
            .InclusiveBetween(1, PersonalAccessToken.MaxDays)
            .WithMessage(x => Texts.Format("Validation.Account.TokenLasts1Days", PersonalAccessToken.MaxDays, x.ExpiresInDays));
    }
}

public sealed class CreateAccessTokenCommandHandler(
    AppDbContext db, UserManager<AppUser> users, ICurrentUser current, TimeProvider clock, SecurityLog log)
    : IRequestHandler<CreateAccessTokenCommand, CreatedAccessToken>
{
    public async ValueTask<CreatedAccessToken> Handle(CreateAccessTokenCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(current.UserId!.Value.ToString()) ?? throw new NotAuthenticatedException();
        var now = clock.GetUtcNow();
        var (id, token, hash) = AccessTokenStore.Mint();
        var row = new PersonalAccessToken
        {
            Id = id,
            UserId = user.Id,
            Name = command.Name!.Trim(),
            Scope = command.Scope!.Value,
            Hash = hash,
            SecurityStamp = await users.GetSecurityStampAsync(user),
            CreatedAt = now,
            ExpiresAt = now.AddDays(command.ExpiresInDays!.Value),
        };
        db.PersonalAccessTokens.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        log.AccessTokenCreated(user.Id, row.Id, row.Scope.ToString(), row.ExpiresAt, current.ClientAddress);
        return new CreatedAccessToken(row.Id, row.Name, row.Scope, row.CreatedAt, row.ExpiresAt, token);
    }
}
