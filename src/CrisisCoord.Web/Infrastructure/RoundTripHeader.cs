using CrisisCoord.Application.Data;

namespace CrisisCoord.Web.Infrastructure;

/// <summary>
/// With <c>Diagnostics:RoundTrips=true</c> (benchmarks, tests; off by default), every response says how many
/// database round trips its request made, in <c>X-Db-Round-Trips</c>, so a budget can be checked from outside.
/// Off in production: it tells a stranger something about how the server works.
/// </summary>
public static class RoundTripHeader
{
    public const string Name = "X-Db-Round-Trips";

    public static IApplicationBuilder UseRoundTripHeader(this IApplicationBuilder app, IConfiguration configuration)
    {
        if (!configuration.GetValue<bool>("Diagnostics:RoundTrips"))
        {
            return app;
        }

        return app.Use(async (context, next) =>
        {
            var counter = RoundTrips.Begin();
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[Name] = counter.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            await next(context);
        });
    }
}
