using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.BrowserTests.Infrastructure;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrisisCoord.BrowserTests.Api;

/// <summary>
/// The interactive API reference at /api/docs (ADR 0025): everything it loads comes from the app itself, it runs
/// under the site's Content-Security-Policy, and a newcomer pastes a personal access token and calls the API.
/// </summary>
public sealed class ApiReferenceInBrowserTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task The_reference_loads_from_the_app_alone_and_calls_the_api_with_a_pasted_token()
    {
        var token = await TokenAsync();
        var origin = new Uri(App.BaseUrl);
        var elsewhere = new List<string>();
        var violations = new List<string>();
        var reference = await App.NewPageAsync();
        await reference.Context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "http" or "https" && (url.Host != origin.Host || url.Port != origin.Port))
            {
                elsewhere.Add(route.Request.Url);
                await route.AbortAsync();
                return;
            }

            await route.ContinueAsync();
        });
        reference.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        await reference.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber + ' ' + (e.sample || '')));");

        await reference.GotoAsync("/api/docs");
        await Expect(reference.GetByText("CrisisCoord API").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // The sidebar opens only its first group; a newcomer opens Authentication to find how to get a token.
        var authentication = reference.GetByRole(AriaRole.Button, new() { Name = "Open Group - Authentication" });
        if (await authentication.CountAsync() > 0)
        {
            await authentication.First.ClickAsync();
        }

        await Expect(reference.GetByRole(AriaRole.Link, new() { Name = "Issue token" }).First).ToBeVisibleAsync();
        await reference.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserApp.ScreenshotAsync(reference, "api-reference");

        // The reference is styled (its injected styles are allowed on this one page): the sidebar sits beside the text.
        var sidebar = (await reference.GetByRole(AriaRole.Complementary).First.BoundingBoxAsync())!;
        var text = (await reference.GetByRole(AriaRole.Main).First.BoundingBoxAsync())!;
        (sidebar.X + sidebar.Width).ShouldBeLessThanOrEqualTo(text.X + 1);
        text.Y.ShouldBeLessThan(sidebar.Y + sidebar.Height);

        // "Try it": paste the token where the bearer scheme asks for it, then send a request from the operation.
        await reference.GetByRole(AriaRole.Textbox, new() { Name = "Bearer Token" }).First.FillAsync(token);
        await reference.GetByRole(AriaRole.Link, new() { Name = "Get my capabilities" }).First.ClickAsync();
        await reference.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Test Request\s*\(get \/api\/v1\/me\/capabilities\)$") }).ClickAsync();
        var client = reference.GetByRole(AriaRole.Dialog, new() { Name = "API Client" });
        await Expect(client).ToBeVisibleAsync();
        var answer = reference.WaitForResponseAsync(r => r.Url.EndsWith("/api/v1/me/capabilities", StringComparison.Ordinal));
        await client.GetByRole(AriaRole.Button, new() { Name = "Send get request to /api/v1/me/capabilities" }).First.ClickAsync();
        var response = await answer;
        response.Status.ShouldBe(200);
        (await response.Request.HeaderValueAsync("authorization")).ShouldBe($"Bearer {token}");
        await Expect(client).ToContainTextAsync("200");
        await BrowserApp.ScreenshotAsync(reference, "api-reference-try-it");

        elsewhere.ShouldBeEmpty("the reference must load nothing from outside the app");
        violations.ShouldBeEmpty();
        await reference.Context.CloseAsync();
    }

    private async Task<string> TokenAsync()
    {
        var session = await App.ClientForAsync(Me);
        var response = await session.PostAsJsonAsync("/api/v1/me/tokens", new { name = "api reference", scope = "ReadOnly", expiresInDays = 7 });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
    }
}
