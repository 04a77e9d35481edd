using CrisisCoord.Application.Security;
using CrisisCoord.BrowserTests.Infrastructure;
using CrisisCoord.IntegrationTests.Features.Reviews;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace CrisisCoord.BrowserTests.Reviews;

/// <summary>The lead writes a lesson on a closed incident's review, signs it, and prints it (and the incident page) to A4 PDFs.</summary>
public sealed class ReviewPrintInBrowserTests(BrowserApp app) : BrowserTest(app)
{
    protected override string Role => Roles.Auditor;

    [Fact]
    public async Task The_lead_adds_a_lesson_signs_and_prints_the_review_to_a_clean_a4_pdf()
    {
        var scene = await ReviewScene.CreateAsync(App);
        var page = await App.NewPageAsync();
        await SignInAsync(page, scene.Lead);

        await page.GotoAsync($"/Incidents/{scene.Incident}");
        await page.GetByRole(AriaRole.Link, new() { Name = "After-action review" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a finding or lesson" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Input.Text']")).ToContainTextAsync("Write the finding or lesson");
        await page.GetByLabel("Text").FillAsync("Pre-position sandbags at the east bank <b>before</b> June.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(page.Locator(".review-note .note-text")).ToHaveTextAsync("Pre-position sandbags at the east bank <b>before</b> June.");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Share of tasks and commitments by kind of organisation, phase by phase" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign the review" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The review is signed and frozen");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add a finding or lesson" })).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "incident-review");

        Directory.CreateDirectory(BrowserApp.ArtifactsDirectory);
        var path = Path.Combine(BrowserApp.ArtifactsDirectory, "incident-review.pdf");
        var pdf = await page.PdfAsync(new PagePdfOptions { Path = path, Format = "A4", PreferCSSPageSize = true });

        pdf.Length.ShouldBeGreaterThan(1000);
        using var document = PdfDocument.Open(pdf);
        // Nine sections, each starting a page; the timeline may take two.
        document.NumberOfPages.ShouldBeInRange(9, 14);
        var first = document.GetPage(1);
        first.Width.ShouldBe(595, 2);  // A4 in points
        first.Height.ShouldBe(842, 2);
        var text = Squeezed(string.Concat(document.GetPages().Select(p => p.Text)));
        foreach (var heading in new[] { "After-action review: Levee breach at Dongshan", "Key times", "What happened", "Obligations met and breached",
            "Balance over time", "Time to acknowledge tasks", "Resources requested and delivered", "Objectives", "Findings and lessons" })
        {
            text.ShouldContain(Squeezed(heading));
        }

        text.ShouldContain(Squeezed("Pre-position sandbags at the east bank <b>before</b> June."));
        text.Contains(Squeezed("Sign out"), StringComparison.Ordinal).ShouldBeFalse("no navigation in print");
        text.Contains(Squeezed("Add a finding or lesson"), StringComparison.Ordinal).ShouldBeFalse("no buttons in print");

        // The incident's own page prints the same way: its content, without the portal around it.
        await page.GotoAsync($"/Incidents/{scene.Incident}");
        using var summary = PdfDocument.Open(await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(BrowserApp.ArtifactsDirectory, "incident-summary.pdf"), Format = "A4" }));
        summary.NumberOfPages.ShouldBeInRange(1, 8);
        var summaryText = Squeezed(string.Concat(summary.GetPages().Select(p => p.Text)));
        summaryText.ShouldContain(Squeezed("Levee breach at Dongshan"));
        summaryText.ShouldContain(Squeezed("Timeline"));
        summaryText.Contains(Squeezed("Sign out"), StringComparison.Ordinal).ShouldBeFalse("no navigation in print");
        summaryText.Contains(Squeezed("After-action review"), StringComparison.Ordinal).ShouldBeFalse("no action buttons in print");
    }

    /// <summary>Text without white space: a PDF places words by position, not always with a space between them.</summary>
    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
