using System.Diagnostics;
using CrisisCoord.Application.Localization;
using CrisisCoord.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = Texts.Get("Error.Heading");

    public string Message { get; private set; } = Texts.Get("Error.Message");

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
            StatusCodes.Status404NotFound => (Texts.Get("Error.NotFound.Heading"), Texts.Get("Error.NotFound.Message")),
            StatusCodes.Status403Forbidden => (Texts.Get("Error.NotAllowed.Heading"), exception?.Message ?? Texts.Get("Error.NotAllowed.Message")),
            StatusCodes.Status409Conflict => (Texts.Get("Error.Conflict.Heading"), exception?.Message ?? Texts.Get("Error.Conflict.Message")),
            StatusCodes.Status400BadRequest => (Texts.Get("Error.BadRequest.Heading"), Texts.Get("Error.BadRequest.Message")),
            _ => (Heading, Message),
        };

        if (status >= StatusCodes.Status500InternalServerError)
        {
            RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        }
    }
}
