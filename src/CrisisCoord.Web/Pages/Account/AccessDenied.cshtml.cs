using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Account;

public sealed class AccessDeniedModel : PageModel
{
    /// <summary>The TempData key under which a refused page leaves the policy's reason.</summary>
    public const string Reason = "Refusal";

    /// <summary>Why the action was refused, when the refusing page said.</summary>
    public string? Why { get; private set; }

    public void OnGet()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        Why = TempData[Reason] as string;
    }
}
