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

/// <summary>A member of the public makes their own account, as a Citizen in a citizens' organisation.</summary>
[RecordedAs(typeof(AppUser))]
[Performs(Act.RegisterAsCitizen)]
public sealed record RegisterCitizenCommand : ICommand<PersonDto>
{
    public string? DisplayName { get; init; }

    public string? Email { get; init; }

    public string? Password { get; init; }

    public Guid? OrganisationId { get; init; }
}

public sealed class RegisterCitizenCommandValidator : AbstractValidator<RegisterCitizenCommand>
{
    public RegisterCitizenCommandValidator(AppDbContext db, UserManager<AppUser> users)
    {
        RuleFor(x => x.DisplayName).PersonName();
        RuleFor(x => x.Email).AccountEmail(db);
        RuleFor(x => x.Password).AcceptablePassword(users);
        RuleFor(x => x.OrganisationId)
            .NotNull().WithMessage("Choose your community group.")
            .MustAsync(async (id, ct) => id is null
                || await db.Organisations.AnyAsync(o => o.Id == id && o.Kind == OrganisationKind.Citizen, ct))
            .WithMessage("Choose one of the listed community groups.");
    }
}

public sealed class RegisterCitizenCommandHandler(UserManager<AppUser> users) : ICommandHandler<RegisterCitizenCommand, PersonDto>
{
    public async ValueTask<PersonDto> Handle(RegisterCitizenCommand command, CancellationToken cancellationToken) =>
        await Accounts.CreateAsync(users, command.DisplayName!, command.Email!, command.Password!, command.OrganisationId!.Value, [Roles.Citizen]);
}
