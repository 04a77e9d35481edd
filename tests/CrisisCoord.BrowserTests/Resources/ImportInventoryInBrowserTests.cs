using System.Text;
using System.Text.RegularExpressions;
using CrisisCoord.Application.Security;
using CrisisCoord.BrowserTests.Infrastructure;
using CrisisCoord.Domain.Organisations;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrisisCoord.BrowserTests.Resources;

public sealed class ImportInventoryInBrowserTests(BrowserApp app) : BrowserTest(app)
{
    private const string Header = "type,quantity,place,latitude,longitude,available_from,available_until,notes";

    protected override string Role => Roles.ResourceManager;

    protected override OrganisationKind Kind => OrganisationKind.CivicGroup;

    private static FilePayload Csv(params string[] rows) => new()
    {
        Name = "inventory.csv",
        MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n"),
    };

    [Fact]
    public async Task Resource_manager_fixes_a_bad_row_and_imports_the_file()
    {
        await Page.GotoAsync("/Resources");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Import from a file" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Import resources from a file");

        await Page.GetByLabel("CSV file").SetInputFilesAsync(Csv(
            "drinking-water,1200,\"Red Cross depot, Qinghe North\",30.6012,114.3105,,,\"Bottled, 1.5 L\"",
            "blanket,\"12,5\",Qinghe North school gym,30.6044,114.3121,,,"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        var alert = Page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("Nothing was imported.");
        await Expect(alert).ToContainTextAsync("Row 3, column quantity: \"12,5\" is not a number; use a dot for decimals.");
        await Expect(alert).ToBeFocusedAsync();
        await BrowserApp.ScreenshotAsync(Page, "import-bad-row");

        await Page.GetByLabel("CSV file").SetInputFilesAsync(Csv(
            "drinking-water,1200,\"Red Cross depot, Qinghe North\",30.6012,114.3105,,,\"Bottled, 1.5 L\"",
            "blanket,12.5,Qinghe North school gym,30.6044,114.3121,,,"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex($"/Resources\\?organisationId={Me.OrganisationId}$"));
        await Expect(Page.Locator(".flash")).ToHaveTextAsync("Imported 2 rows: 2 new, 0 updated.");
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Red Cross depot, Qinghe North" })).ToContainTextAsync("1,200 litres");
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Qinghe North school gym" })).ToContainTextAsync("12.5");
        await BrowserApp.ScreenshotAsync(Page, "import-done");
    }

    [Fact]
    public async Task The_import_page_and_its_errors_fit_a_phone()
    {
        var phone = await App.NewPageAsync(390, 844);
        await SignInAsync(phone, Me);

        await BrowserApp.AssertFitsWidthAsync(phone, "/Resources/Import");
        await BrowserApp.ScreenshotAsync(phone, "import-phone");
        await phone.GetByLabel("CSV file").SetInputFilesAsync(Csv(
            "unicorn,1,A place with a rather long name that goes on and on past the edge,30.6,114.3,,,",
            "tent,1,Depot,91,114.3,2026-12-01,,"));
        await phone.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await Expect(phone.GetByRole(AriaRole.Alert)).ToContainTextAsync("Row 3, column available_from");
        var overflow = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        overflow.ShouldBeLessThanOrEqualTo(0);
        await BrowserApp.ScreenshotAsync(phone, "import-phone-errors");
        await phone.Context.CloseAsync();
    }
}
