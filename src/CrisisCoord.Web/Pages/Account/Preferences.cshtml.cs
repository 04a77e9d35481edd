using CrisisCoord.Application.Features.Account;
using CrisisCoord.Application.Localization;
using CrisisCoord.Web.Infrastructure;
using CrisisCoord.Web.Infrastructure.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Account;

/// <summary>The language the person reads in and the zone they type times in, kept for every device (ADR 0036).</summary>
[FormPage]
public sealed class PreferencesModel(ISender sender) : PageModel
{
    [BindProperty]
    public SetMyPreferencesCommand Input { get; set; } = new();

    /// <summary>The zone this browser reported, offered as the likely answer.</summary>
    public string? BrowserZone => ReaderCookies.Zone(Request);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var saved = await sender.Send(new GetMyPreferencesQuery(), ct);
        Input = new SetMyPreferencesCommand { Language = saved.Language ?? Languages.Current, TimeZone = saved.TimeZone ?? BrowserZone };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var saved = await sender.Send(Input, ct);
        // Takes effect on this device at once; other devices read the saved choice at their next sign-in.
        if (saved.Language is { } language)
        {
            ReaderCookies.RememberLanguage(Response, language);
        }

        if (saved.TimeZone is { } zone)
        {
            ReaderCookies.RememberZone(Response, zone);
        }

        TempData["Flash"] = Texts.Get("Preferences.Page.Saved");
        return RedirectToPage();
    }
}
