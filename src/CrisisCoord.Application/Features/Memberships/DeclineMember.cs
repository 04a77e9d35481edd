using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Notifications;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Organisations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Memberships;

/// <summary>The group's coordinator (or a platform administrator) turns a request down, saying why.</summary>
[Performs(Act.DecideMembership)]
[RecordedAs(typeof(MembershipRequest))]
public sealed record DeclineMemberCommand : ICommand<MembershipRequestDto>, IOrganisationMessage
{
    public Guid OrganisationId { get; init; }

    public Guid? RequestId { get; init; }

    public string? Reason { get; init; }

    public uint? Version { get; init; }
}

public sealed class DeclineMemberCommandValidator : AbstractValidator<DeclineMemberCommand>
{
    public DeclineMemberCommandValidator()
    {
        RuleFor(x => x.RequestId).NotEmpty().WithMessage(_ => Texts.Get("Validation.Memberships.SayWhichRequestAnswer"));
        RuleFor(x => x.Reason)
            .NotEmpty().WithMessage(_ => Texts.Get("Validation.Memberships.SayWhySoPerson"))
            .MaximumLength(MembershipRequest.NoteMaxLength)
            .PlainText();
    }
}

public sealed class DeclineMemberCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, Notifier notifier) : ICommandHandler<DeclineMemberCommand, MembershipRequestDto>
{
    public async ValueTask<MembershipRequestDto> Handle(DeclineMemberCommand command, CancellationToken cancellationToken)
    {
        var request = await MembershipRequestDto.LoadForDecisionAsync(db, command.OrganisationId, command.RequestId, command.Version, cancellationToken);
        request.Decline(command.Reason!, user.UserId!.Value, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var group = await db.Organisations.AsNoTracking().Where(o => o.Id == request.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        await notifier.MembershipDecidedAsync(request.Id, request.UserId, request.OrganisationId, group, admitted: false, cancellationToken);
        return await MembershipRequestDto.LoadAsync(db, request.Id, cancellationToken);
    }
}
