namespace CrisisCoord.Web.Pages;

/// <summary>
/// Under a list shown a page at a time (_ListPager): how much of it is shown, and plain links to its first and next
/// pages, which work with or without script.
/// </summary>
/// <param name="Label">Names the navigation for screen readers, e.g. "Pages of open incidents".</param>
/// <param name="Shown">Rows on this page.</param>
/// <param name="Total">Rows in the whole list.</param>
/// <param name="Noun">What a row is, plural: "open incidents".</param>
/// <param name="FirstHref">The first page, when this is not it.</param>
/// <param name="NextHref">The next page, when there is one.</param>
public sealed record ListPager(string Label, int Shown, int Total, string Noun, string? FirstHref, string? NextHref);
