using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.People;
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
/// coordinator (or a platform administrator) decides.
/// </summary>
[RecordedAs(typeof(AppUser))]
[Performs(Act.RegisterAsCitizen)]
public sealed record RegisterCitizenCommand : ICommand<PersonDto>
{
    public string? DisplayName { get; init; }

    public string? Email { get; init; }

    public string? Password { get; init; }

    /// <summary>A citizens' group to ask to join (optional).</summary>
    public Guid? OrganisationId { get; init; }

    /// <summary>What to tell the group: where the person lives and how they can help.</summary>
    public string? Note { get; init; }
}

public sealed class RegisterCitizenCommandValidator : AbstractValidator<RegisterCitizenCommand>
{
    public RegisterCitizenCommandValidator(AppDbContext db, UserManager<AppUser> users)
    {
        RuleFor(x => x.DisplayName).PersonName();
        RuleFor(x => x.Email).AccountEmail(db);
        RuleFor(x => x.Password).AcceptablePassword(users);
        RuleFor(x => x.OrganisationId)
            .MustAsync(async (id, ct) => id is null
                || await db.Organisations.AnyAsync(o => o.Id == id && o.Kind == OrganisationKind.Citizen, ct))
            .WithMessage("Choose one of the listed community groups, or none.");
        RuleFor(x => x.Note)
            .NotEmpty().When(x => x.OrganisationId is not null).WithMessage("Tell the group where you live and how you can help.")
            .MaximumLength(MembershipRequest.NoteMaxLength)
            .PlainText();
    }
}

public sealed class RegisterCitizenCommandHandler(AppDbContext db, UserManager<AppUser> users, TimeProvider clock) : ICommandHandler<RegisterCitizenCommand, PersonDto>
{
    public async ValueTask<PersonDto> Handle(RegisterCitizenCommand command, CancellationToken cancellationToken)
    {
        // Nobody joins a group by saying so: the account is private until the group admits it.
        var person = await Accounts.CreateAsync(users, command.DisplayName!, command.Email!, command.Password!, null, [Roles.Citizen]);
        if (command.OrganisationId is { } group)
        {
            db.MembershipRequests.Add(MembershipRequest.Ask(group, person.Id, command.Note!, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }

        return person;
    }
}
