using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Warnings;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Warnings;

/// <summary>Someone taking part drafts a public warning for the incident; a coordinator approves it before it goes out.</summary>
[RecordedAs(typeof(Warning))]
[Performs(Act.DraftWarning)]
public sealed record DraftWarningCommand : ICommand<WarningDto>, IIncidentMessage, IWarningFields
{
    public Guid IncidentId { get; init; }

    /// <summary>Actual, or Exercise for a drill (incidents carry no drill flag, so the drafter says).</summary>
    public WarningStatus? Status { get; init; }

    public string? Event { get; init; }

    public string? Headline { get; init; }

    public string? Description { get; init; }

    public string? Instruction { get; init; }

    public IReadOnlyList<CapResponseType>? ResponseTypes { get; init; }

    public CapUrgency? Urgency { get; init; }

    public CapCertainty? Certainty { get; init; }

    public string? Audience { get; init; }

    public DateTimeOffset? Onset { get; init; }

    public DateTimeOffset? Effective { get; init; }

    public DateTimeOffset? Expires { get; init; }

    public WarningScope? Scope { get; init; }

    public string? Restriction { get; init; }

    public IReadOnlyList<Guid>? Recipients { get; init; }

    public IReadOnlyList<WarningAreaInput>? Areas { get; init; }
}

public sealed class DraftWarningCommandValidator : AbstractValidator<DraftWarningCommand>
{
    public DraftWarningCommandValidator(AppDbContext db, TimeProvider clock)
    {
        RuleFor(x => x.Status).NotNull().WithMessage(_ => Texts.Get("Validation.Warnings.SayWhetherRealWarning"))
            .Known().WithMessage(x => EnumText.NotValidMessage<WarningStatus>(x.Status.ToString()));
        Include(new WarningFieldsValidator(db, clock));
    }
}

public sealed class DraftWarningCommandHandler(AppDbContext db, ICurrentUser user, AccessPolicy access, TimeProvider clock)
    : ICommandHandler<DraftWarningCommand, WarningDto>
{
    public async ValueTask<WarningDto> Handle(DraftWarningCommand command, CancellationToken cancellationToken)
    {
        var organisation = user.OrganisationId ?? throw new NotAuthenticatedException();
        var warning = Warning.Draft(command.IncidentId, command.Status!.Value, command.ToContent(), user.UserId!.Value, organisation, clock.GetUtcNow());
        db.Warnings.Add(warning);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ReadBackAsync(access, warning.Id, cancellationToken);
    }
}
