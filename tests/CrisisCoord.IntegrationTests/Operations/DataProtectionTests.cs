using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CrisisCoord.Application.Features.People;
using CrisisCoord.Application.Security;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisCoord.IntegrationTests.Operations;

/// <summary>Two instances of the portal on one database share the key ring, which is stored encrypted.</summary>
public sealed class DataProtectionTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new("keys");

    public Task InitializeAsync() => _database.StartAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Cookies_and_antiforgery_tokens_from_one_instance_are_accepted_by_another_and_the_stored_keys_are_encrypted()
    {
        await using var first = Instance();
        await using var second = Instance();
        await using (var scope = first.Services.CreateAsyncScope())
        {
            await Accounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
                "Ma Lin", "ma.lin@example.org", "a-long-password-1", null, [Roles.Citizen]);
        }

        var jar = new CookieContainer();
        using var toFirst = first.CreateDefaultClient(new Uri("https://localhost"), new SharedCookies(jar));
        using var toSecond = second.CreateDefaultClient(new Uri("https://localhost"), new SharedCookies(jar));

        var signIn = await toFirst.PostAsync("/Account/SignIn", Form(await TokenAsync(toFirst, "/Account/SignIn"),
            ("Input.Email", "ma.lin@example.org"), ("Input.Password", "a-long-password-1")));
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The second instance reads the first's sign-in cookie...
        var page = await toSecond.GetAsync("/Account/ChangePassword");
        page.StatusCode.ShouldBe(HttpStatusCode.OK, "the second instance did not accept the first's sign-in cookie");
        // ...and its antiforgery token: a wrong current password is a form error, not a 400.
        var change = await toSecond.PostAsync("/Account/ChangePassword", Form(await TokenAsync(toFirst, "/Account/ChangePassword"),
            ("Input.CurrentPassword", "not-my-password-0"), ("Input.NewPassword", "another-password-2"), ("Input.ConfirmNewPassword", "another-password-2")));
        change.StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var db = _database.CreateContext();
        var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
        keys.ShouldNotBeEmpty("the key ring is kept in the database, not on one instance's disk");
        keys.ShouldAllBe(xml => xml.Contains("EncryptedData") && !xml.Contains("<value>"));
    }

    private WebApplicationFactory<Program> Instance() => new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:CrisisCoord", _database.AppConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Auth:Tokens:SigningKey", CrisisCoordApp.TestSigningKey);
        builder.UseSetting("Timeline:CheckpointSigningKey", CrisisCoordApp.CheckpointKeyPem);
        CrisisCoordApp.UseTestMail(builder);
        builder.UseSetting("DataProtection:Certificate", CrisisCoordApp.DataProtectionCertificatePem);
    });

    private static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var html = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
        var page = await BrowsingContext.New(Configuration.Default).OpenAsync(req => req.Content(html));
        return page.QuerySelector<IHtmlInputElement>("form[method=post] input[name=__RequestVerificationToken]")!.Value;
    }

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    /// <summary>One browser's cookies, sent to whichever instance it talks to (as behind a load balancer).</summary>
    private sealed class SharedCookies(CookieContainer jar) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            if (jar.GetCookieHeader(uri) is { Length: > 0 } cookies)
            {
                request.Headers.Add("Cookie", cookies);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
            {
                foreach (var cookie in set)
                {
                    jar.SetCookies(uri, cookie);
                }
            }

            return response;
        }
    }
}
