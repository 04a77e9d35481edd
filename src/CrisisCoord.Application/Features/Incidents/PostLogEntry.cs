using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Incidents;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>A short update to everyone taking part: the incident's shared log.</summary>
[RecordedAs(typeof(LogEntry))]
[Performs(Act.PostLogEntry)]
public sealed record PostLogEntryCommand : ICommand<LogEntryDto>, IIncidentMessage
{
    public Guid IncidentId { get; init; }

    public string? Text { get; init; }
}

public sealed class PostLogEntryCommandValidator : AbstractValidator<PostLogEntryCommand>
{
    public PostLogEntryCommandValidator() =>
        RuleFor(x => x.Text).NotEmpty().WithMessage(_ => Texts.Get("Validation.Incidents.WriteUpdate")).MaximumLength(LogEntry.TextMaxLength).PlainText();
}

public sealed class PostLogEntryCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<PostLogEntryCommand, LogEntryDto>
{
    public async ValueTask<LogEntryDto> Handle(PostLogEntryCommand command, CancellationToken cancellationToken)
    {
        var organisation = user.OrganisationId ?? throw new NotAuthenticatedException();
        var entry = LogEntry.Post(command.IncidentId, organisation, user.UserId, command.Text!, clock.GetUtcNow());
        db.LogEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return await db.LogEntries.AsNoTracking().Where(l => l.Id == entry.Id).Select(LogEntryDto.Projection(db)).SingleAsync(cancellationToken);
    }
}
