using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CrisisCoord.IntegrationTests.Infrastructure;

/// <summary>Reads pages as HTML documents and posts their forms the way a browser would, antiforgery token included.</summary>
public sealed class PageClient(CrisisCoordApp app)
{
    public HttpClient Http { get; } = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A browser-like client signed in through the real sign-in form.</summary>
    public static async Task<PageClient> SignedInAsync(CrisisCoordApp app, Actor actor)
    {
        var pages = new PageClient(app);
        var (response, _) = await pages.SubmitAsync("/Account/SignIn", new Dictionary<string, string>
        {
            ["Input.Email"] = actor.Email,
            ["Input.Password"] = actor.Password,
        });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {actor.Email} failed: {response.StatusCode}");
        }

        return pages;
    }

    public async Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(string url)
    {
        var response = await Http.GetAsync(url);
        return (response, await ParseAsync(response));
    }

    /// <summary>Fills the page's first POST form with the given fields (by name) and submits it.</summary>
    public async Task<(HttpResponseMessage Response, IDocument Document)> SubmitAsync(
        string url, IReadOnlyDictionary<string, string> fields, bool includeAntiforgeryToken = true)
    {
        var (_, page) = await GetAsync(url);
        var form = page.QuerySelector<IHtmlFormElement>("form[method=post]")
            ?? throw new InvalidOperationException($"{url} has no POST form");
        var values = new List<KeyValuePair<string, string>>();
        if (includeAntiforgeryToken)
        {
            var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")
                ?? throw new InvalidOperationException("the form has no antiforgery token");
            values.Add(new("__RequestVerificationToken", token.Value));
        }

        values.AddRange(fields);
        var response = await Http.PostAsync(url, new FormUrlEncodedContent(values));
        return (response, await ParseAsync(response));
    }

    /// <summary>
    /// Posts to a page without opening it first (as a forged or replayed form would), with a valid
    /// antiforgery token taken from a page every signed-in person can open.
    /// </summary>
    public async Task<HttpResponseMessage> PostDirectAsync(string url, IReadOnlyDictionary<string, string> fields)
    {
        var (_, page) = await GetAsync("/Account/ChangePassword");
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        return await Http.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields]));
    }

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(req => req.Content(html));
    }
}
