using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Organisations;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Memberships;

/// <summary>
/// A private citizen offers a citizens' or civic group their skills and the times they can give: a request to join
/// that says what they bring. The group's coordinator admits or declines it as any request to join (AdmitMember,
/// DeclineMember); once admitted they act for the group within its charter.
/// </summary>
[Performs(Act.AskToJoinGroup)]
[RecordedAs(typeof(MembershipRequest))]
public sealed record VolunteerForGroupCommand : ICommand<MembershipRequestDto>, IOrganisationMessage
{
    /// <summary>The group (from the address).</summary>
    public Guid OrganisationId { get; init; }

    /// <summary>What they can do, e.g. "first aid, driving a van, Mandarin and Cantonese".</summary>
    public string? Skills { get; init; }

    /// <summary>When they can help, e.g. "evenings and weekends; on call at night".</summary>
    public string? Availability { get; init; }

    /// <summary>Optional: where they live, anything else the group should know.</summary>
    public string? Note { get; init; }
}

public sealed class VolunteerForGroupCommandValidator : AbstractValidator<VolunteerForGroupCommand>
{
    public VolunteerForGroupCommandValidator()
    {
        RuleFor(x => x.Skills)
            .NotEmpty().WithMessage(_ => Texts.Get("Validation.Memberships.SayWhatDoSo"))
            .MaximumLength(MembershipRequest.OfferMaxLength)
            .PlainText();
        RuleFor(x => x.Availability)
            .NotEmpty().WithMessage(_ => Texts.Get("Validation.Memberships.SayWhenHelpDays"))
            .MaximumLength(MembershipRequest.OfferMaxLength)
            .PlainText();
        RuleFor(x => x.Note).MaximumLength(MembershipRequest.NoteMaxLength).PlainText();
    }
}

public sealed class VolunteerForGroupCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<VolunteerForGroupCommand, MembershipRequestDto>
{
    public async ValueTask<MembershipRequestDto> Handle(VolunteerForGroupCommand command, CancellationToken cancellationToken)
    {
        var request = MembershipRequest.Ask(command.OrganisationId, user.UserId!.Value, command.Note ?? "", clock.GetUtcNow(), command.Skills!, command.Availability!);
        db.MembershipRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return await MembershipRequestDto.LoadAsync(db, request.Id, cancellationToken);
    }
}
