using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Requests;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Requests;

/// <summary>The organisation holding committed resources (or a coordinator) reports them en route or arrived.</summary>
[Performs(Act.ReportCommitment)]
[RecordedAs(typeof(ResourceCommitment))]
public sealed record ReportCommitmentCommand : ICommand<CommitmentDto>, IResourceCommitmentMessage
{
    public Guid CommitmentId { get; init; }

    /// <summary>EnRoute or Arrived.</summary>
    public CommitmentState? Status { get; init; }

    public string? Note { get; init; }

    /// <summary>The version the sender last saw (If-Match).</summary>
    public uint? Version { get; init; }
}

public sealed class ReportCommitmentCommandValidator : AbstractValidator<ReportCommitmentCommand>
{
    public ReportCommitmentCommandValidator()
    {
        RuleFor(x => x.Status)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Requests.SayWhereResourcesEnRoute"))
            .Must(state => state is CommitmentState.EnRoute or CommitmentState.Arrived).When(x => x.Status is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage(x => Texts.Format("Validation.Requests.StatusCommitmentMoveUse", x.Status));
        RuleFor(x => x.Note).MaximumLength(ResourceCommitment.NoteMaxLength).PlainText();
    }
}

public sealed class ReportCommitmentCommandHandler(AppDbContext db, TimeProvider clock)
    : ICommandHandler<ReportCommitmentCommand, CommitmentDto>
{
    public async ValueTask<CommitmentDto> Handle(ReportCommitmentCommand command, CancellationToken cancellationToken)
    {
        var commitment = await db.LoadCommitmentForChangeAsync(command.CommitmentId, command.Version, cancellationToken);
        commitment.MoveTo(command.Status!.Value, command.Note ?? "", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await RequestThreads.CommitmentAsync(db, commitment.Id, cancellationToken);
    }
}
