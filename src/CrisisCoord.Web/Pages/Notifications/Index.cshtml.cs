using CrisisCoord.Application.Features.Notifications;
using CrisisCoord.Application.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Notifications;

/// <summary>The inbox: newest first, a page at a time; opening an item marks it read and goes to the thing.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    public NotificationList Inbox { get; private set; } = new([], 0, null);

    [BindProperty(SupportsGet = true)]
    public Guid? Before { get; set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Inbox = await sender.Send(new ListMyNotificationsQuery { Before = Before }, ct);

    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct) =>
        LocalRedirect(await sender.Send(new MarkNotificationReadCommand(id), ct));

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken ct)
    {
        await sender.Send(new MarkNotificationReadCommand(id), ct);
        return RedirectToPage(new { before = Before });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var marked = await sender.Send(new MarkAllNotificationsReadCommand(), ct);
        TempData["Flash"] = marked == 1 ? Texts.Get("Notifications.Inbox.OneMarked") : Texts.Format("Notifications.Inbox.Marked", marked);
        return RedirectToPage();
    }
}
