using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Notifications;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Organisations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Memberships;

/// <summary>
/// The group's coordinator (or a platform administrator) admits a private citizen who asked: from now on they act
/// for the group, within its charter, and see what the group sees.
/// </summary>
[Performs(Act.DecideMembership)]
[RecordedAs(typeof(MembershipRequest))]
public sealed record AdmitMemberCommand : ICommand<MembershipRequestDto>, IOrganisationMessage
{
    public Guid OrganisationId { get; init; }

    public Guid? RequestId { get; init; }

    /// <summary>The version the sender saw; the decision is refused if someone answered meanwhile.</summary>
    public uint? Version { get; init; }
}

public sealed class AdmitMemberCommandValidator : AbstractValidator<AdmitMemberCommand>
{
    public AdmitMemberCommandValidator() => RuleFor(x => x.RequestId).NotEmpty().WithMessage(_ => Texts.Get("Validation.Memberships.SayWhichRequestAnswer"));
}

public sealed class AdmitMemberCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, SecurityLog log, Notifier notifier) : ICommandHandler<AdmitMemberCommand, MembershipRequestDto>
{
    public async ValueTask<MembershipRequestDto> Handle(AdmitMemberCommand command, CancellationToken cancellationToken)
    {
        var request = await MembershipRequestDto.LoadForDecisionAsync(db, command.OrganisationId, command.RequestId, command.Version, cancellationToken);
        var person = await db.Users.SingleAsync(u => u.Id == request.UserId, cancellationToken);
        if (person.OrganisationId is not null)
        {
            throw new DomainRuleException(new("Rule.Membership.AlreadyInOrganisation", "{0} already acts for an organisation; a person belongs to one.", person.DisplayName));
        }

        request.Admit(user.UserId!.Value, clock.GetUtcNow());
        person.OrganisationId = request.OrganisationId;
        // The concurrency stamp is checked on save: two groups admitting the same person at once cannot both win.
        person.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        // Their signed-in sessions carry the old organisation; a new stamp makes them sign in again to act for the group.
        person.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(cancellationToken);
        var group = await db.Organisations.AsNoTracking().Where(o => o.Id == request.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        await notifier.MembershipDecidedAsync(request.Id, person.Id, request.OrganisationId, group, admitted: true, cancellationToken);
        log.AccountChanged(person.Id, $"admitted to organisation {request.OrganisationId}; every session ended", user.UserId, user.ClientAddress);
        return await MembershipRequestDto.LoadAsync(db, request.Id, cancellationToken);
    }
}
