using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Organisations;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Memberships;

/// <summary>A private citizen asks a citizens' group to take them in; its coordinator or a platform administrator answers.</summary>
[Performs(Act.AskToJoinGroup)]
[RecordedAs(typeof(MembershipRequest))]
public sealed record AskToJoinGroupCommand : ICommand<MembershipRequestDto>, IOrganisationMessage
{
    /// <summary>The group (from the address).</summary>
    public Guid OrganisationId { get; init; }

    /// <summary>Where the person lives and how they can help.</summary>
    public string? Note { get; init; }
}

public sealed class AskToJoinGroupCommandValidator : AbstractValidator<AskToJoinGroupCommand>
{
    public AskToJoinGroupCommandValidator() =>
        RuleFor(x => x.Note)
            .NotEmpty().WithMessage(_ => Texts.Get("Validation.Memberships.SayWhereLiveHow"))
            .MaximumLength(MembershipRequest.NoteMaxLength)
            .PlainText();
}

public sealed class AskToJoinGroupCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AskToJoinGroupCommand, MembershipRequestDto>
{
    public async ValueTask<MembershipRequestDto> Handle(AskToJoinGroupCommand command, CancellationToken cancellationToken)
    {
        var request = MembershipRequest.Ask(command.OrganisationId, user.UserId!.Value, command.Note!, clock.GetUtcNow());
        db.MembershipRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return await MembershipRequestDto.LoadAsync(db, request.Id, cancellationToken);
    }
}
