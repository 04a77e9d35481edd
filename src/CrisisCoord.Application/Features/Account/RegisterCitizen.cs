using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.People;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Organisations;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Account;

/// <summary>
/// A member of the public makes their own account: a private citizen, in no organisation, who reports incidents
/// and sees public information and their own reports. Naming a citizens' group asks to join it; the group's
/// coordinator (or a platform administrator) decides. The account is unconfirmed until its owner opens the
/// mailed link. An address that already has an account gets the same answer, and its owner a mail saying so
/// (ADR 0020): the answer never tells a stranger which addresses have accounts.
/// </summary>
[RecordedAs(typeof(AppUser))]
[Performs(Act.RegisterAsCitizen)]
public sealed record RegisterCitizenCommand : ICommand<RegistrationReceived>
{
    public string? DisplayName { get; init; }

    public string? Email { get; init; }

    public string? Password { get; init; }

    /// <summary>A citizens' group to ask to join (optional).</summary>
    public Guid? OrganisationId { get; init; }

    /// <summary>What to tell the group: where the person lives and how they can help.</summary>
    public string? Note { get; init; }
}

/// <summary>The one answer to every accepted registration, whether or not the address already had an account.</summary>
public sealed record RegistrationReceived(string Message)
{
    public static readonly RegistrationReceived Instance = new(
        "Check your e-mail to confirm your address: we have sent a link to the address you gave. It works for one day. " +
        "If no mail arrives within a few minutes, look in your spam folder.");
}

public sealed class RegisterCitizenCommandValidator : AbstractValidator<RegisterCitizenCommand>
{
    public RegisterCitizenCommandValidator(AppDbContext db, UserManager<AppUser> users)
    {
        RuleFor(x => x.DisplayName).PersonName();
        RuleFor(x => x.Email).WellFormedEmail();
        RuleFor(x => x.Password).AcceptablePassword(users);
        RuleFor(x => x.OrganisationId)
            .MustAsync(async (id, ct) => id is null
                || await db.Organisations.AnyAsync(o => o.Id == id && o.Kind == OrganisationKind.Citizen, ct))
            .WithMessage(_ => Texts.Get("Validation.Account.ChooseListedCommunityGroups"));
        RuleFor(x => x.Note)
            .NotEmpty().When(x => x.OrganisationId is not null).WithMessage(_ => Texts.Get("Validation.Account.TellGroupWhereLive"))
            .MaximumLength(MembershipRequest.NoteMaxLength)
            .PlainText();
    }
}

public sealed class RegisterCitizenCommandHandler(AppDbContext db, UserManager<AppUser> users, AccountMail mail, TimeProvider clock)
    : ICommandHandler<RegisterCitizenCommand, RegistrationReceived>
{
    public async ValueTask<RegistrationReceived> Handle(RegisterCitizenCommand command, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(command.Email!.Trim()) is { } owner)
        {
            // The work of a new registration (hash the password, make a token, queue one mail) so that neither the
            // answer nor its timing tells the caller the address is taken. Nothing about the account changes.
            users.PasswordHasher.HashPassword(owner, command.Password!);
            await mail.AlreadyRegisteredAsync(owner);
            return RegistrationReceived.Instance;
        }

        // Nobody joins a group by saying so: the account is private until the group admits it.
        var person = await Accounts.AddAsync(users, command.DisplayName!, command.Email!, command.Password!, null, [Roles.Citizen], emailConfirmed: false);
        if (command.OrganisationId is { } group)
        {
            db.MembershipRequests.Add(MembershipRequest.Ask(group, person.Id, command.Note!, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }

        await mail.ConfirmAddressAsync(person);
        return RegistrationReceived.Instance;
    }
}
