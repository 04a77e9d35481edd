using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CrisisCoord.Web.Infrastructure;

/// <summary>
/// Turns every exception on an API route into an RFC 9457 ProblemDetails response. Page requests
/// are left to the error page, which uses the same <see cref="ExceptionProblem"/> mapping.
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger)
    : IExceptionHandler
{
    // The exception middleware has already pointed Request.Path at the error page; the original is on the feature.
    public static bool IsApiRequest(HttpContext context) =>
        (context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value ?? "")
            .StartsWith("/api/", StringComparison.OrdinalIgnoreCase);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsApiRequest(httpContext))
        {
            return false;
        }

        var problem = ExceptionProblem.From(exception);
        if (problem.Status >= StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        ProblemDetails details = problem.Errors is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(problem.Errors);
        details.Status = problem.Status;
        details.Title = problem.Title;
        details.Detail = problem.Detail;
        foreach (var (name, value) in problem.Extensions)
        {
            details.Extensions[name] = value;
        }

        httpContext.Response.StatusCode = problem.Status;
        if (problem.Extensions.TryGetValue(ExceptionProblem.RetryAfterExtension, out var seconds) && seconds is int wait)
        {
            httpContext.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = details,
            Exception = exception,
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}
