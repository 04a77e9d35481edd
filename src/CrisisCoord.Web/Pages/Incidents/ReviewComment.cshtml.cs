using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Features.Reviews;
using CrisisCoord.Application.Localization;
using CrisisCoord.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CrisisCoord.Web.Pages.Incidents;

[FormPage]
public sealed class ReviewCommentModel(ISender sender) : IncidentChangePageModel<CommentOnReviewCommand, ReviewNoteDto>(sender)
{
    protected override CommentOnReviewCommand Blank(IncidentDto incident) => new() { IncidentId = incident.Id };

    protected override CommentOnReviewCommand For(CommentOnReviewCommand input, Guid id) => input with { IncidentId = id };

    protected override string Done(ReviewNoteDto note) => Texts.Get("Review.CommentPage.Done");

    protected override IActionResult After(ReviewNoteDto result, Guid id) => RedirectToPage("/Incidents/Review", new { id });
}
