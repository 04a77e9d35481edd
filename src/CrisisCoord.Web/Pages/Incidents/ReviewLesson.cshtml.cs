using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Reviews;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Reviews;
using CrisisCoord.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CrisisCoord.Web.Pages.Incidents;

[FormPage]
public sealed class ReviewLessonModel(ISender sender) : IncidentChangePageModel<AddReviewLessonCommand, ReviewNoteDto>(sender)
{
    protected override AddReviewLessonCommand Blank(IncidentDto incident) => new() { IncidentId = incident.Id, Kind = ReviewNoteKind.Lesson };

    protected override AddReviewLessonCommand For(AddReviewLessonCommand input, Guid id) => input with { IncidentId = id };

    protected override string Done(ReviewNoteDto note) => Texts.Format("Review.LessonPage.Done", Texts.Name(note.Kind));

    protected override IActionResult After(ReviewNoteDto result, Guid id) => RedirectToPage("/Incidents/Review", new { id });
}
