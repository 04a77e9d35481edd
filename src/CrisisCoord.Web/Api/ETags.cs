using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace CrisisCoord.Web.Api;

/// <summary>Entity tags from the row version, so clients can make conditional writes.</summary>
public static class ETags
{
    public static string For(uint version) => $"\"{version}\"";

    /// <summary>
    /// The version named by If-Match: null when the header is missing or "*" (the caller must then answer
    /// 428), or <see cref="Unreadable"/> when it names no version we issued (412: it cannot match).
    /// </summary>
    public static uint? FromIfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return null;
        }

        // Exactly one strong tag holding a row version, e.g. "123"; anything else cannot match a row.
        return EntityTagHeaderValue.TryParseList([header], out var tags)
            && tags is [{ IsWeak: false } tag]
            && uint.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : Unreadable;
    }

    /// <summary>A version no row has (xmin 0 is never a live row's), so the write is refused as stale.</summary>
    public const uint Unreadable = 0;

    public static ProblemHttpResult PreconditionRequired() => TypedResults.Problem(
        statusCode: StatusCodes.Status428PreconditionRequired,
        title: "Precondition Required",
        detail: "Send 'If-Match' with the ETag from your last GET, so a change made meanwhile by someone else is not overwritten.");

    /// <summary>
    /// A conditional write: the If-Match version goes into the command (428 without it), the response
    /// carries the new ETag. A stale version becomes 412 where the save finds it.
    /// </summary>
    public static async Task<IResult> ConditionalAsync<T>(HttpContext http, Func<uint, ValueTask<T>> send, Func<T, uint> versionOf)
    {
        if (FromIfMatch(http.Request) is not { } version)
        {
            return PreconditionRequired();
        }

        var result = await send(version);
        http.Response.Headers.ETag = For(versionOf(result));
        return TypedResults.Ok(result);
    }
}
