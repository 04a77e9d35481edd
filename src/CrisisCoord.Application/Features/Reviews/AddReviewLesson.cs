using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Reviews;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Reviews;

/// <summary>A coordinator of the incident writes a finding or a lesson on its after-action review.</summary>
[RecordedAs(typeof(ReviewNote))]
[Performs(Act.AddReviewLesson)]
public sealed record AddReviewLessonCommand : ICommand<ReviewNoteDto>, IIncidentMessage
{
    public Guid IncidentId { get; init; }

    /// <summary>Finding or Lesson.</summary>
    public ReviewNoteKind? Kind { get; init; }

    public string? Text { get; init; }
}

public sealed class AddReviewLessonCommandValidator : AbstractValidator<AddReviewLessonCommand>
{
    public AddReviewLessonCommandValidator()
    {
        RuleFor(x => x.Kind).NotNull().WithMessage(_ => Texts.Get("Validation.Reviews.SayWhetherFindingLesson"))
            .Must(k => k is ReviewNoteKind.Finding or ReviewNoteKind.Lesson).WithMessage(_ => Texts.Get("Validation.Reviews.CoordinatorWritesFindingLesson"));
        RuleFor(x => x.Text).NotEmpty().WithMessage(_ => Texts.Get("Validation.Reviews.WriteFindingLesson")).MaximumLength(ReviewNote.TextMaxLength).PlainText();
    }
}

public sealed class AddReviewLessonCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AddReviewLessonCommand, ReviewNoteDto>
{
    public async ValueTask<ReviewNoteDto> Handle(AddReviewLessonCommand command, CancellationToken cancellationToken) =>
        await ReviewCommands.WriteAsync(db, command.IncidentId, command.Kind!.Value, command.Text!,
            user.OrganisationId ?? throw new NotAuthenticatedException(), user.UserId, clock.GetUtcNow(), cancellationToken);
}
