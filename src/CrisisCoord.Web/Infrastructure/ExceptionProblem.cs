using System.Text.Json;
using System.Text.RegularExpressions;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.Sessions;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Resources;
using FluentValidation;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrisisCoord.Web.Infrastructure;

/// <summary>
/// What an exception means to the person who caused it: one mapping used by the API's
/// ProblemDetails and by the pages' error view, so both say the same thing.
/// <para>
/// Failures that name a place in an uploaded table (<see cref="TableError"/>) are also listed in
/// <c>rowErrors</c> (in <see cref="Extensions"/>), in order, so a client can show "row 14, column quantity" without parsing keys.
/// </para>
/// </summary>
public sealed partial record ExceptionProblem(int Status, string Title, string? Detail, IDictionary<string, string[]>? Errors)
{
    /// <summary>Extra members of the problem document, e.g. <c>remaining</c> when inventory ran short.</summary>
    public IDictionary<string, object?> Extensions { get; init; } = new Dictionary<string, object?>();

    /// <summary>Seconds to wait, on 429s; also sent as the Retry-After header.</summary>
    public const string RetryAfterExtension = "retryAfter";

    public static ExceptionProblem From(Exception exception) => exception switch
    {
        ValidationException validation => new(
            StatusCodes.Status400BadRequest,
            "The request has invalid fields.",
            "Correct the fields listed in 'errors' and send it again.",
            validation.Errors
                .GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))
        {
            Extensions = RowProblems(validation) is { } rows ? new Dictionary<string, object?> { ["rowErrors"] = rows } : new Dictionary<string, object?>(),
        },
        NotAuthenticatedException => new(StatusCodes.Status401Unauthorized, "Sign in first.", "Send 'Authorization: Bearer <token>' with a token from POST /api/v1/auth/token.", null),
        SignInFailedException failed => new(StatusCodes.Status401Unauthorized, "Sign-in failed.", failed.Message, null),
        SignInThrottledException throttled => new(StatusCodes.Status429TooManyRequests, "Too many failed sign-ins.", throttled.Message, null)
        {
            Extensions = { [RetryAfterExtension] = (int)Math.Ceiling(throttled.RetryAfter.TotalSeconds) },
        },
        SecondFactorRequiredException needed => new(StatusCodes.Status401Unauthorized, "Code needed.", needed.Message, null),
        SecondFactorFailedException failed => new(StatusCodes.Status401Unauthorized, "Sign-in failed.", failed.Message, null),
        SecondStepExpiredException expired => new(StatusCodes.Status401Unauthorized, "Sign in again.", expired.Message, null),
        TwoFactorSetUpRequiredException setUp => new(StatusCodes.Status403Forbidden, "Two-factor sign-in required.", setUp.Message, null),
        AccountDisabledException disabled => new(StatusCodes.Status403Forbidden, "Account disabled.", disabled.Message, null),
        SessionEndedException ended => new(StatusCodes.Status401Unauthorized, "Sign in again.", ended.Message, null),
        AccessDeniedException denied => new(StatusCodes.Status403Forbidden, "Not allowed.", denied.Message, null),
        NotFoundException notFound => new(StatusCodes.Status404NotFound, "Not found.", notFound.Message, null),
        InsufficientInventoryException shortage => new(StatusCodes.Status409Conflict, "Not enough left to commit.", shortage.Message, null)
        {
            Extensions = { ["remaining"] = shortage.Remaining, ["resourceId"] = shortage.ResourceId },
        },
        DomainRuleException rule => new(StatusCodes.Status409Conflict, "The request conflicts with the current state.", rule.Message, null),
        StaleWriteException stale => new(StatusCodes.Status412PreconditionFailed, "Someone else changed this record first.", stale.Message, null),
        // A unique index caught two writers racing for the same key; the loser can simply look and retry.
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => new(
            StatusCodes.Status409Conflict,
            "Someone else made the same record at the same moment.",
            "Reload to see what is there now, then apply your change again if it is still needed.",
            null),
        BadHttpRequestException { InnerException: JsonException json } => FromJson(json),
        BadHttpRequestException bad when BoundParameter().Match(bad.Message) is { Success: true } failed => new(
            StatusCodes.Status400BadRequest,
            "The request has invalid fields.",
            "Correct the fields listed in 'errors' and send it again.",
            new Dictionary<string, string[]>
            {
                [JsonNamingPolicy.CamelCase.ConvertName(failed.Groups["name"].Value)] =
                    [$"'{failed.Groups["value"].Value}' is not {Describe(failed.Groups["type"].Value) ?? "a valid value"}."],
            }),
        BadHttpRequestException bad when bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal)
            || (bad.Message.StartsWith("Required parameter", StringComparison.Ordinal) && bad.Message.EndsWith("from body.", StringComparison.Ordinal)) => new(
            StatusCodes.Status400BadRequest,
            "The request body is missing.",
            "Send the fields as a JSON object with 'Content-Type: application/json'.",
            new Dictionary<string, string[]> { ["body"] = ["The request body is empty."] }),
        BadHttpRequestException bad => new(
            bad.StatusCode,
            ReasonPhrases.GetReasonPhrase(bad.StatusCode),
            AdviceFor(bad.StatusCode) is { } advice ? $"{bad.Message} {advice}" : bad.Message,
            null),
        // The client went away; nobody reads the answer, and it is not a server fault.
        OperationCanceledException => new(StatusCodes.Status499ClientClosedRequest, "The request was cancelled.", null, null),
        _ => new(StatusCodes.Status500InternalServerError, "An unexpected error occurred.", null, null),
    };

    private static List<RowProblem>? RowProblems(ValidationException validation)
    {
        List<RowProblem> rows = [.. validation.Errors.Select(e => e.CustomState is TableError at ? new RowProblem(at.Row, at.Column, e.ErrorMessage) : null).OfType<RowProblem>()];
        return rows.Count > 0 ? rows : null;
    }

    private static ExceptionProblem FromJson(JsonException json)
    {
        var path = json.Path;
        // A syntax error (the reader's own exception) is about the whole body, whatever field it stopped in.
        var syntaxError = json.InnerException?.GetType().Name == "JsonReaderException";
        if (syntaxError || string.IsNullOrEmpty(path) || path == "$")
        {
            return new(
                StatusCodes.Status400BadRequest,
                "The request body is not valid JSON.",
                json.Message,
                new Dictionary<string, string[]> { ["body"] = [json.Message] });
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        return new(
            StatusCodes.Status400BadRequest,
            "The request has invalid fields.",
            "Correct the fields listed in 'errors' and send it again.",
            new Dictionary<string, string[]> { [field] = [DescribeJsonError(json)] });
    }

    // System.Text.Json words its own conversion errors around CLR type names; say what was expected instead.
    private static string DescribeJsonError(JsonException json)
    {
        var match = ConvertedTo().Match(json.Message);
        if (!match.Success)
        {
            return json.Message;
        }

        var expected = Describe(match.Groups["type"].Value);
        return expected is null ? "The value has the wrong type or format." : $"The value must be {expected}.";
    }

    private static string? Describe(string clrType) => clrType switch
    {
        "System.Double" or "System.Decimal" or "System.Single" => "a number, such as 31.2304",
        "System.Int32" or "System.Int64" => "a whole number",
        "System.String" => "text in double quotes",
        "System.Boolean" => "true or false",
        "System.Guid" => "an id such as 0193a4c2-7f00-7000-8000-000000000000",
        "System.DateTimeOffset" or "System.DateTime" => "a date and time such as 2026-11-23T14:00:00Z",
        "int" or "Nullable<int>" or "long" or "Nullable<long>" => "a whole number",
        "double" or "Nullable<double>" or "decimal" or "Nullable<decimal>" => "a number",
        "Guid" or "Nullable<Guid>" => "an id such as 0193a4c2-7f00-7000-8000-000000000000",
        _ => null,
    };

    /// <summary>What a client can do about a bare status, for responses that carry no exception.</summary>
    public static string? AdviceFor(int status) => status switch
    {
        StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with the header 'Content-Type: application/json'.",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status405MethodNotAllowed => "This address does not accept that HTTP method.",
        StatusCodes.Status404NotFound => "There is no API resource at this address. The API lives under /api/v1/.",
        _ => null,
    };

    [GeneratedRegex(@"converted to (System\.Nullable`1\[)?(?<type>[\w.]+)")]
    private static partial Regex ConvertedTo();

    // ASP.NET Core's wording for a query or route value of the wrong type.
    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^ \"]+) (?<name>[^\"]+)\" from \"(?<value>[^\"]*)\"\\.$")]
    private static partial Regex BoundParameter();
}

/// <summary>One error in an uploaded table, as the API lists it under <c>rowErrors</c>.</summary>
public sealed record RowProblem(int? Row, string? Column, string Message);
