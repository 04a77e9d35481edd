using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages;

/// <summary>
/// A page that exists to send one command about the record named in its address (an incident, an
/// objective): it loads that record, binds the command as Input (with the version the person saw),
/// and on success says what happened and goes back where the person came from.
/// </summary>
public abstract class CommandFormPageModel<TCommand, TResult>(ISender sender) : PageModel, IAimedForm
    where TCommand : class, ICommand<TResult>
{
    [BindProperty]
    public TCommand Input { get; set; } = null!;

    protected ISender Sender { get; } = sender;

    // Runs before the command filter, so the page can always render (also when it refuses unreadable input).
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        await LoadAsync(Guid.Parse((string)RouteData.Values["id"]!), HttpContext.RequestAborted);
        await next();
    }

    public void OnGet() => Input = Blank();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await Sender.Send(For(Input, id), ct);
        TempData["Flash"] = Done(result);
        return After(result, id);
    }

    object? IAimedForm.AimedInput() => Input is null ? null : For(Input, Guid.Parse((string)RouteData.Values["id"]!));

    /// <summary>Loads the record the page is about (and anything the form offers to choose from).</summary>
    protected abstract Task LoadAsync(Guid id, CancellationToken ct);

    /// <summary>The form as it first appears.</summary>
    protected abstract TCommand Blank();

    /// <summary>The posted form aimed at the record in the address (never at one named in the body).</summary>
    protected abstract TCommand For(TCommand input, Guid id);

    protected abstract string Done(TResult result);

    protected abstract IActionResult After(TResult result, Guid id);
}

/// <summary>A form whose command is aimed at the record in the address, not at an id in the body.</summary>
public interface IAimedForm
{
    /// <summary>The posted command aimed at the page's record, as it would be sent.</summary>
    object? AimedInput();
}
