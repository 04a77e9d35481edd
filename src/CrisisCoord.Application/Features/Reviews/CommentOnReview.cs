using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Reviews;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Reviews;

/// <summary>An auditor comments on an incident's after-action review (before it is signed).</summary>
[RecordedAs(typeof(ReviewNote))]
[Performs(Act.CommentOnReview)]
public sealed record CommentOnReviewCommand : ICommand<ReviewNoteDto>, IIncidentMessage
{
    public Guid IncidentId { get; init; }

    public string? Text { get; init; }
}

public sealed class CommentOnReviewCommandValidator : AbstractValidator<CommentOnReviewCommand>
{
    public CommentOnReviewCommandValidator() =>
        RuleFor(x => x.Text).NotEmpty().WithMessage(_ => Texts.Get("Validation.Reviews.WriteComment")).MaximumLength(ReviewNote.TextMaxLength).PlainText();
}

public sealed class CommentOnReviewCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CommentOnReviewCommand, ReviewNoteDto>
{
    public async ValueTask<ReviewNoteDto> Handle(CommentOnReviewCommand command, CancellationToken cancellationToken) =>
        await ReviewCommands.WriteAsync(db, command.IncidentId, ReviewNoteKind.Comment, command.Text!,
            user.OrganisationId ?? throw new NotAuthenticatedException(), user.UserId, clock.GetUtcNow(), cancellationToken);
}
