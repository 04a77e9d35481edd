using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Account;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Organisations;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.People;

/// <summary>
/// An administrator gives a person an account in an organisation, with one or more roles. The address counts as
/// confirmed (the administrator vouches for it); the person is mailed a link to choose their own password, so the
/// password may be left out and none has to be passed on.
/// </summary>
[RecordedAs(typeof(AppUser))]
[Performs(Act.AddPerson)]
public sealed record CreateUserCommand : ICommand<PersonDto>
{
    public string? DisplayName { get; init; }

    public string? Email { get; init; }

    /// <summary>Optional: without one, the person chooses it with the mailed link.</summary>
    public string? Password { get; init; }

    public Guid? OrganisationId { get; init; }

    public IReadOnlyList<string>? Roles { get; init; }
}

/// <summary>A person as the API shows them; no organisation for a private citizen.</summary>
public sealed record PersonDto(Guid Id, string DisplayName, string Email, Guid? OrganisationId, IReadOnlyList<string> Roles);

public sealed class CreateUserCommandValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserCommandValidator(AppDbContext db, UserManager<AppUser> users)
    {
        RuleFor(x => x.DisplayName).PersonName();
        RuleFor(x => x.Email).AccountEmail(db);
        RuleFor(x => x.Password).AcceptablePassword(users).When(x => !string.IsNullOrEmpty(x.Password));
        RuleFor(x => x.OrganisationId)
            .NotNull().WithMessage(_ => Texts.Get("Validation.People.ChoosePersonSOrganisation"))
            .MustAsync(async (id, ct) => id is null || await db.Organisations.AnyAsync(o => o.Id == id, ct))
            .WithMessage(_ => Texts.Get("Validation.Charters.ThereSuchOrganisation"));
        RuleFor(x => x.Roles)
            .NotEmpty().WithMessage(_ => Texts.Get("Validation.People.GivePersonLeastRole"))
            .Must(roles => roles is null || roles.All(Security.Roles.All.Contains))
            .WithMessage(_ => Texts.Format("Validation.People.RolesAmong", string.Join(", ", Security.Roles.All)));
        RuleFor(x => x.Roles)
            .Must(roles => roles is null || !roles.Contains(Security.Roles.Auditor) || roles.Distinct().Count() == 1)
            .WithMessage(_ => Texts.Get("Validation.People.AuditorHoldsOtherRole"));
        RuleFor(x => x)
            .MustAsync(async (command, ct) => command.Roles?.Contains(Security.Roles.Citizen) != true
                || await db.Organisations.AnyAsync(o => o.Id == command.OrganisationId && o.Kind == OrganisationKind.Citizen, ct))
            .WithName(_ => Texts.Get("Validation.Name.Roles"))
            .OverridePropertyName("Roles")
            .WithMessage(_ => Texts.Get("Validation.People.CitizenRoleMembersCitizens"));
    }
}

public sealed class CreateUserCommandHandler(UserManager<AppUser> users, AccountMail mail) : ICommandHandler<CreateUserCommand, PersonDto>
{
    public async ValueTask<PersonDto> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        var password = string.IsNullOrEmpty(command.Password) ? null : command.Password;
        var user = await Accounts.AddAsync(users, command.DisplayName!, command.Email!, password, command.OrganisationId!.Value, command.Roles!, emailConfirmed: true);
        await mail.WelcomeAsync(user);
        return new PersonDto(user.Id, user.DisplayName, user.Email!, user.OrganisationId, [.. command.Roles!.Distinct()]);
    }
}

/// <summary>How every account is made, whoever makes it.</summary>
public static class Accounts
{
    /// <summary>Identity's own password rules, run as a validation rule so they are reported with the other fields.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> AcceptablePassword<T>(this IRuleBuilder<T, string?> rule, UserManager<AppUser> users) =>
        rule.NotEmpty().MaximumLength(PasswordRules.MaximumLength).CustomAsync(async (password, context, ct) =>
        {
            if (string.IsNullOrEmpty(password))
            {
                return;
            }

            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, new AppUser(), password);
                foreach (var error in result.Errors)
                {
                    context.AddFailure(error.Description);
                }
            }
        });

    public static IRuleBuilderOptions<T, string?> PersonName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(AppUser.DisplayNameMaxLength).PlainText().WithName(_ => Texts.Get("Validation.Name.Name"));

    public static IRuleBuilderOptions<T, string?> WellFormedEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(256).EmailAddress().WithName(_ => Texts.Get("Validation.Name.EMailAddress"));

    /// <summary>
    /// A well-formed address no account uses yet (checked here, so it is reported with every other problem). Only
    /// for administrators: self-registration must not tell a stranger which addresses have accounts.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> AccountEmail<T>(this IRuleBuilder<T, string?> rule, AppDbContext db) =>
        rule.WellFormedEmail()
            .MustAsync(async (email, ct) => email is null
                || !await db.Users.AnyAsync(u => u.NormalizedEmail == email.Trim().ToUpperInvariant(), ct))
            .WithMessage(_ => Texts.Get("Validation.People.AccountEMailAddress"));

    public static async Task<PersonDto> CreateAsync(
        UserManager<AppUser> users, string displayName, string email, string? password, Guid? organisationId, IReadOnlyList<string> roles)
    {
        var user = await AddAsync(users, displayName, email, password, organisationId, roles, emailConfirmed: true);
        return new PersonDto(user.Id, user.DisplayName, user.Email!, user.OrganisationId, [.. roles.Distinct()]);
    }

    /// <summary>
    /// Makes the account. Without a password nobody can sign in to it until its owner chooses one with a mailed link;
    /// an unconfirmed address cannot sign in until its owner confirms it.
    /// </summary>
    public static async Task<AppUser> AddAsync(
        UserManager<AppUser> users, string displayName, string email, string? password, Guid? organisationId, IReadOnlyList<string> roles, bool emailConfirmed)
    {
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(),
            DisplayName = displayName.Trim(),
            Email = email.Trim(),
            UserName = email.Trim(),
            OrganisationId = organisationId,
            EmailConfirmed = emailConfirmed,
        };
        (await (password is null ? users.CreateAsync(user) : users.CreateAsync(user, password))).ThrowIfFailed();
        (await users.AddToRolesAsync(user, roles.Distinct())).ThrowIfFailed();
        return user;
    }
}
