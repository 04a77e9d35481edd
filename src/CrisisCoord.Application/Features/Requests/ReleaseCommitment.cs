using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Requests;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Requests;

/// <summary>A coordinator releases committed resources no longer needed; the quantity goes back to the holder's inventory.</summary>
[Performs(Act.ReleaseCommitment)]
[RecordedAs(typeof(ResourceCommitment))]
public sealed record ReleaseCommitmentCommand : ICommand<CommitmentDto>, IResourceCommitmentMessage
{
    public Guid CommitmentId { get; init; }

    public string? Note { get; init; }

    /// <summary>The version the sender last saw (If-Match).</summary>
    public uint? Version { get; init; }
}

public sealed class ReleaseCommitmentCommandValidator : AbstractValidator<ReleaseCommitmentCommand>
{
    public ReleaseCommitmentCommandValidator() =>
        RuleFor(x => x.Note).MaximumLength(ResourceCommitment.NoteMaxLength).PlainText();
}

public sealed class ReleaseCommitmentCommandHandler(AppDbContext db, TimeProvider clock)
    : ICommandHandler<ReleaseCommitmentCommand, CommitmentDto>
{
    public async ValueTask<CommitmentDto> Handle(ReleaseCommitmentCommand command, CancellationToken cancellationToken)
    {
        var commitment = await db.LoadCommitmentForChangeAsync(command.CommitmentId, command.Version, cancellationToken);
        commitment.MoveTo(CommitmentState.Released, command.Note ?? "", clock.GetUtcNow());
        (await db.LockResourceAsync(commitment.ResourceId, cancellationToken)).Restore(commitment.Quantity);
        await db.SaveChangesAsync(cancellationToken);
        return await RequestThreads.CommitmentAsync(db, commitment.Id, cancellationToken);
    }
}
