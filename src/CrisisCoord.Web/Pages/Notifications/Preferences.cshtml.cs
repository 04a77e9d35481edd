using CrisisCoord.Application.Features.Notifications;
using CrisisCoord.Application.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Notifications;

/// <summary>Per kind of notification: in the portal only, also by e-mail at once, or in an hourly digest.</summary>
public sealed class PreferencesModel(ISender sender) : PageModel
{
    [BindProperty]
    public SetNotificationPreferencesCommand Input { get; set; } = new();

    public NotificationPreferences Current { get; private set; } = new([]);

    // Loaded before every handler, so a refused change re-renders with every kind's description.
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        Current = await sender.Send(new GetNotificationPreferencesQuery(), HttpContext.RequestAborted);
        await next();
    }

    public void OnGet() => Input = new SetNotificationPreferencesCommand
    {
        Preferences = [.. Current.Items.Select(p => new NotificationPreferenceInput { Kind = p.Kind.ToString(), Delivery = p.Delivery.ToString() })],
    };

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await sender.Send(Input, ct);
        TempData["Flash"] = Texts.Get("Notifications.Settings.Saved");
        return RedirectToPage();
    }

    /// <summary>The delivery the form shows for a kind: what was posted (kept on a refusal), else the current setting.</summary>
    public string DeliveryFor(int index) => Input.Preferences is { } posted && index < posted.Count ? posted[index].Delivery ?? "" : "";
}
