using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Incidents;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>An organisation asks to take part in an incident; a coordinator admits it.</summary>
[RequiresRole(Roles.Coordinator, Roles.AgencyStaff, Roles.ResourceManager)]
[RecordedAs(typeof(IncidentParticipant))]
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
            .NotEmpty().WithMessage("Say what your organisation offers, so the coordinator can decide.")
            .MaximumLength(IncidentParticipant.NoteMaxLength)
            .PlainText();
}

public sealed class RequestToJoinCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RequestToJoinCommand, ParticipantDto>
{
    public async ValueTask<ParticipantDto> Handle(RequestToJoinCommand command, CancellationToken cancellationToken)
    {
        var organisation = user.OrganisationId ?? throw new NotAuthenticatedException();
        await db.OpenIncidentStateAsync(command.IncidentId, cancellationToken);

        var existing = await db.IncidentParticipants.AsNoTracking()
            .SingleOrDefaultAsync(p => p.IncidentId == command.IncidentId && p.OrganisationId == organisation, cancellationToken);
        if (existing is not null)
        {
            throw new DomainRuleException(existing.Status == ParticipationStatus.Admitted
                ? "Your organisation already takes part in this incident."
                : "Your organisation has already asked to join; a coordinator will answer.");
        }

        var participant = IncidentParticipant.Request(command.IncidentId, organisation, command.Note!, clock.GetUtcNow());
        db.IncidentParticipants.Add(participant);
        await db.SaveChangesAsync(cancellationToken);
        return await ParticipantDto.LoadAsync(db, participant.Id, cancellationToken);
    }
}
