using System.Text.Json;
using System.Text.RegularExpressions;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.Sessions;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Resources;
using FluentValidation;
using Microsoft.AspNetCore.Antiforgery;
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
            Texts.Get("Problem.Invalid.Title"),
            Texts.Get("Problem.Invalid.Detail"),
            validation.Errors
                .GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))
        {
            Extensions = RowProblems(validation) is { } rows ? new Dictionary<string, object?> { ["rowErrors"] = rows } : new Dictionary<string, object?>(),
        },
        NotAuthenticatedException => new(StatusCodes.Status401Unauthorized, Texts.Get("Problem.SignInFirst.Title"), Texts.Get("Problem.SignInFirst.Detail"), null),
        SignInFailedException failed => new(StatusCodes.Status401Unauthorized, Texts.Get("Problem.SignInFailed.Title"), failed.Message, null),
        SignInThrottledException throttled => new(StatusCodes.Status429TooManyRequests, Texts.Get("Problem.Throttled.Title"), throttled.Message, null)
        {
            Extensions = { [RetryAfterExtension] = (int)Math.Ceiling(throttled.RetryAfter.TotalSeconds) },
        },
        SecondFactorRequiredException needed => new(StatusCodes.Status401Unauthorized, Texts.Get("Problem.CodeNeeded.Title"), needed.Message, null),
        SecondFactorFailedException failed => new(StatusCodes.Status401Unauthorized, Texts.Get("Problem.SignInFailed.Title"), failed.Message, null),
        SecondStepExpiredException expired => new(StatusCodes.Status401Unauthorized, Texts.Get("Problem.SignInAgain.Title"), expired.Message, null),
        TwoFactorSetUpRequiredException setUp => new(StatusCodes.Status403Forbidden, Texts.Get("Problem.TwoFactorRequired.Title"), setUp.Message, null),
        AccountDisabledException disabled => new(StatusCodes.Status403Forbidden, Texts.Get("Problem.AccountDisabled.Title"), disabled.Message, null),
        SessionEndedException ended => new(StatusCodes.Status401Unauthorized, Texts.Get("Problem.SignInAgain.Title"), ended.Message, null),
        AccessDeniedException denied => new(StatusCodes.Status403Forbidden, Texts.Get("Problem.NotAllowed.Title"), denied.Say(), null),
        NotFoundException notFound => new(StatusCodes.Status404NotFound, Texts.Get("Problem.NotFound.Title"), notFound.Say(), null),
        InsufficientInventoryException shortage => new(StatusCodes.Status409Conflict, Texts.Get("Problem.Shortage.Title"), shortage.Say(), null)
        {
            Extensions = { ["remaining"] = shortage.Remaining, ["resourceId"] = shortage.ResourceId },
        },
        DomainRuleException rule => new(StatusCodes.Status409Conflict, Texts.Get("Problem.Conflict.Title"), rule.Say(), null),
        StaleWriteException stale => new(StatusCodes.Status412PreconditionFailed, Texts.Get("Problem.Stale.Title"), stale.Say(), null),
        // A unique index caught two writers racing for the same key; the loser can simply look and retry.
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => new(
            StatusCodes.Status409Conflict,
            Texts.Get("Problem.Race.Title"),
            Texts.Get("Problem.Race.Detail"),
            null),
        BadHttpRequestException { InnerException: JsonException json } => FromJson(json),
        BadHttpRequestException bad when BoundParameter().Match(bad.Message) is { Success: true } failed => new(
            StatusCodes.Status400BadRequest,
            Texts.Get("Problem.Invalid.Title"),
            Texts.Get("Problem.Invalid.Detail"),
            new Dictionary<string, string[]>
            {
                [JsonNamingPolicy.CamelCase.ConvertName(failed.Groups["name"].Value)] =
                    [Texts.Format("Problem.ValueIsNot", failed.Groups["value"].Value, Describe(failed.Groups["type"].Value) ?? Texts.Get("Problem.Expect.Valid"))],
            }),
        BadHttpRequestException bad when bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal)
            || (bad.Message.StartsWith("Required parameter", StringComparison.Ordinal) && bad.Message.EndsWith("from body.", StringComparison.Ordinal)) => new(
            StatusCodes.Status400BadRequest,
            Texts.Get("Problem.BodyMissing.Title"),
            Texts.Get("Problem.BodyMissing.Detail"),
            new Dictionary<string, string[]> { ["body"] = [Texts.Get("Problem.BodyEmpty")] }),
        BadHttpRequestException bad => new(
            bad.StatusCode,
            ReasonPhrases.GetReasonPhrase(bad.StatusCode),
            AdviceFor(bad.StatusCode) is { } advice ? $"{bad.Message} {advice}" : bad.Message,
            null),
        AntiforgeryValidationException => new(StatusCodes.Status400BadRequest, Texts.Get("Problem.Antiforgery.Title"), Texts.Get("Problem.Antiforgery.Detail"), null),
        // The client went away; nobody reads the answer, and it is not a server fault.
        OperationCanceledException => new(StatusCodes.Status499ClientClosedRequest, Texts.Get("Problem.Cancelled.Title"), null, null),
        _ => new(StatusCodes.Status500InternalServerError, Texts.Get("Problem.Unexpected.Title"), null, null),
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
                Texts.Get("Problem.NotJson.Title"),
                json.Message,
                new Dictionary<string, string[]> { ["body"] = [json.Message] });
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        return new(
            StatusCodes.Status400BadRequest,
            Texts.Get("Problem.Invalid.Title"),
            Texts.Get("Problem.Invalid.Detail"),
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
        return expected is null ? Texts.Get("Problem.WrongType") : Texts.Format("Problem.MustBe", expected);
    }

    private static string? Describe(string clrType) => clrType switch
    {
        "System.Double" or "System.Decimal" or "System.Single" => Texts.Get("Problem.Expect.Decimal"),
        "System.Int32" or "System.Int64" => Texts.Get("Problem.Expect.WholeNumber"),
        "System.String" => Texts.Get("Problem.Expect.Text"),
        "System.Boolean" => Texts.Get("Problem.Expect.Boolean"),
        "System.Guid" => Texts.Get("Problem.Expect.Id"),
        "System.DateTimeOffset" or "System.DateTime" => Texts.Get("Problem.Expect.DateTime"),
        "int" or "Nullable<int>" or "long" or "Nullable<long>" => Texts.Get("Problem.Expect.WholeNumber"),
        "double" or "Nullable<double>" or "decimal" or "Nullable<decimal>" => Texts.Get("Problem.Expect.Number"),
        "Guid" or "Nullable<Guid>" => Texts.Get("Problem.Expect.Id"),
        _ => null,
    };

    /// <summary>What a client can do about a bare status, for responses that carry no exception.</summary>
    public static string? AdviceFor(int status) => status switch
    {
        StatusCodes.Status415UnsupportedMediaType or StatusCodes.Status413PayloadTooLarge
            or StatusCodes.Status405MethodNotAllowed or StatusCodes.Status404NotFound =>
            Texts.Get(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Problem.Advice.{status}")),
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
