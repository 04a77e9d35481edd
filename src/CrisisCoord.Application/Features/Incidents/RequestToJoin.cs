using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Incidents;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>An organisation asks to take part in an incident; a coordinator admits it.</summary>
[RecordedAs(typeof(IncidentParticipant))]
[Performs(Act.AskToJoin)]
public sealed record RequestToJoinCommand : ICommand<ParticipantDto>, IIncidentMessage
{
    public Guid IncidentId { get; init; }

    /// <summary>What the organisation offers or why it should take part.</summary>
    public string? Note { get; init; }
}

public sealed class RequestToJoinCommandValidator : AbstractValidator<RequestToJoinCommand>
{
    public RequestToJoinCommandValidator() =>
        RuleFor(x => x.Note)
            .NotEmpty().WithMessage(_ => Texts.Get("Validation.Incidents.SayWhatOrganisationOffers"))
            .MaximumLength(IncidentParticipant.NoteMaxLength)
            .PlainText();
}

public sealed class RequestToJoinCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RequestToJoinCommand, ParticipantDto>
{
    public async ValueTask<ParticipantDto> Handle(RequestToJoinCommand command, CancellationToken cancellationToken)
    {
        // The policy has checked that the organisation neither takes part nor has asked already.
        var organisation = user.OrganisationId ?? throw new NotAuthenticatedException();
        var participant = IncidentParticipant.Request(command.IncidentId, organisation, command.Note!, clock.GetUtcNow());
        db.IncidentParticipants.Add(participant);
        await db.SaveChangesAsync(cancellationToken);
        return await ParticipantDto.LoadAsync(db, participant.Id, cancellationToken);
    }
}
