using System.Diagnostics;
using CrisisCoord.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "Something went wrong";

    public string Message { get; private set; } = "The page could not be shown. Try again in a moment.";

    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Error;
        var status = exception is not null
            ? ExceptionProblem.From(exception).Status
            : code ?? HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode ?? Response.StatusCode;
        (Heading, Message) = status switch
        {
            StatusCodes.Status404NotFound => ("Not found", "There is nothing at this address. The incident may have been mistyped in the link."),
            StatusCodes.Status403Forbidden => ("Not allowed", exception?.Message ?? "Your role, or your organisation's charter in this phase, does not allow this action."),
            StatusCodes.Status409Conflict => ("Changed by someone else", exception?.Message ?? "Reload the page to see the current state."),
            StatusCodes.Status400BadRequest => ("The request could not be read", "Go back, check what you entered and try again."),
            _ => (Heading, Message),
        };

        if (status >= StatusCodes.Status500InternalServerError)
        {
            RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        }
    }
}
