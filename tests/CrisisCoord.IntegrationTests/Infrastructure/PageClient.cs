using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace CrisisCoord.IntegrationTests.Infrastructure;

/// <summary>Reads pages as HTML documents and posts their forms the way a browser would, antiforgery token included.</summary>
public sealed class PageClient
{
    public PageClient(CrisisCoordApp app)
    {
        App = app;
        // Redirects are not followed (tests look at them); cookies are kept where a test can copy them.
        Http = app.CreateDefaultClient(app.ClientOptions.BaseAddress, new CookieContainerHandler(Cookies));
    }

    public CrisisCoordApp App { get; }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Http { get; }

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

    /// <summary>Opens a page and submits one of its forms (by CSS selector) to the form's own action, as a click would.</summary>
    public async Task<(HttpResponseMessage Response, IDocument Document)> SubmitAsync(
        string url, IReadOnlyDictionary<string, string> fields, string formSelector)
    {
        var (_, page) = await GetAsync(url);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"{url} has no form matching {formSelector}");
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Select(input => new KeyValuePair<string, string>(input.Name!, input.Value))
            .Concat(fields)
            .ToList();
        var response = await Http.PostAsync(form.GetAttribute("action") ?? url, new FormUrlEncodedContent(values));
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
