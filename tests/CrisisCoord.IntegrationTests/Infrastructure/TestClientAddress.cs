using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace CrisisCoord.IntegrationTests.Infrastructure;

/// <summary>
/// The test server has no socket, so requests arrive with no client address. This gives them one, as
/// Kestrel would: 10.0.0.1, or the address in <see cref="Header"/> so a test can play several clients
/// (an attacker and the account's owner) against address-based throttling.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(Header, out var address)
                ? IPAddress.Parse(address.ToString())
                : context.Connection.RemoteIpAddress ?? IPAddress.Parse("10.0.0.1");
            return nextMiddleware(context);
        });
        next(app);
    };
}
