using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using CrisisCoord.Application.Mail;
using CrisisCoord.Application.Security;
using CrisisCoord.IntegrationTests.Infrastructure;
using CrisisCoord.Web.Infrastructure.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CrisisCoord.IntegrationTests.Operations;

/// <summary>How mail leaves the portal: SMTP, a pickup directory, and what happens when the server is away.</summary>
public sealed class MailDeliveryTests(CrisisCoordApp app) : AppTest(app)
{
    private static MailOptions Settings() => new()
    {
        PortalUrl = "https://crisis.example.gov/",
        FromAddress = "no-reply@crisis.example.gov",
        Host = "127.0.0.1",
        Port = ClosedPort(),
        Security = MailSecurity.None,
        TimeoutSeconds = 5,
    };

    [Fact]
    public async Task The_pickup_directory_gets_each_message_as_an_eml_file()
    {
        var directory = Directory.CreateTempSubdirectory("crisiscoord-mail-").FullName;
        var settings = Settings();
        settings.Host = null;
        settings.PickupDirectory = directory;
        var sender = new PickupDirectoryMailSender(Options.Create(settings), TimeProvider.System);

        await sender.SendAsync(new OutgoingMail("ResetPassword", "li.na@test.example", "Li <Na>\r\nBcc: x@evil.example", "Reset your CrisisCoord password", "Hello Li <Na>,\nthe link."), CancellationToken.None);

        var file = Directory.GetFiles(directory).ShouldHaveSingleItem();
        file.ShouldEndWith("-ResetPassword-" + Path.GetFileName(file).Split('-')[^1]);
        var message = await MimeMessage.LoadAsync(file);
        message.To.Mailboxes.Single().Address.ShouldBe("li.na@test.example");
        message.To.Mailboxes.Single().Name.ShouldBe("Li <Na> Bcc: x@evil.example", "a name with a line break stays one header value");
        message.Bcc.ShouldBeEmpty();
        message.From.Mailboxes.Single().Address.ShouldBe("no-reply@crisis.example.gov");
        message.TextBody!.ReplaceLineEndings("\n").TrimEnd().ShouldBe("Hello Li <Na>,\nthe link.");
        message.HtmlBody.ShouldBeNull();
        message.Headers["Auto-Submitted"].ShouldBe("auto-generated");
    }

    [Fact]
    public async Task A_mail_server_that_cannot_be_reached_is_logged_by_kind_without_address_or_secrets()
    {
        var settings = Settings();
        settings.Security = MailSecurity.StartTls;
        settings.UserName = "mailer";
        settings.Password = "s3cret-smtp-password";
        var log = new CapturingLogger();
        var delivery = new MailDeliveryService(new SmtpMailSender(Options.Create(settings)), log);
        await delivery.StartAsync(CancellationToken.None);

        delivery.Enqueue(new OutgoingMail("ResetPassword", "li.na@test.example", "Li Na", "Reset", "https://crisis.example.gov/Account/ResetPassword?userId=1&token=SECRET-TOKEN"));
        await delivery.StopAsync(CancellationToken.None);

        var entry = log.Entries.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Error);
        entry.Text.ShouldContain("ResetPassword");
        entry.Text.ShouldNotContain("li.na");
        entry.Text.ShouldNotContain("SECRET-TOKEN");
        entry.Text.ShouldNotContain("s3cret-smtp-password");
    }

    [Fact]
    public async Task A_request_is_answered_normally_when_the_mail_server_is_down()
    {
        var actor = await App.CreateAsync(Roles.AgencyStaff);
        using var down = App.WithWebHostBuilder(builder => builder.UseSetting("Mail:Port", ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var client = down.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/password-reset-requests", new { email = actor.Email });
        var registration = await client.PostAsJsonAsync("/api/v1/auth/registrations", new { displayName = "Offline", email = "offline@test.example", password = "a-good-password-42" });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        registration.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Theory]
    [InlineData("PortalUrl", "/relative", "Mail:PortalUrl")]
    [InlineData("FromAddress", "not an address", "Mail:FromAddress")]
    [InlineData("PickupDirectory", "/tmp/both", "not both or neither")]
    [InlineData("Host", "", "not both or neither")]
    [InlineData("Port", "0", "Mail:Port")]
    [InlineData("UserName", "only-a-name", "both Mail:UserName and Mail:Password")]
    [InlineData("Credentials in clear", "", "in clear")]
    public void Unusable_settings_stop_the_start_with_a_message_naming_the_setting(string setting, string value, string expected)
    {
        var settings = Settings();
        switch (setting)
        {
            case "PortalUrl": settings.PortalUrl = value; break;
            case "FromAddress": settings.FromAddress = value; break;
            case "PickupDirectory": settings.PickupDirectory = value; break;
            case "Host": settings.Host = value; break;
            case "Port": settings.Port = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "UserName": settings.UserName = value; break;
            default: (settings.UserName, settings.Password) = ("mailer", "s3cret"); break;
        }

        var problem = settings.Problem();

        problem.ShouldNotBeNull();
        problem.ShouldContain(expected);
        problem.ShouldNotContain("s3cret");
        Settings().Problem().ShouldBeNull();
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class CapturingLogger : ILogger<MailDeliveryService>
    {
        public List<(LogLevel Level, string Text)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Entries.Add((logLevel, formatter(state, exception) + exception));
            }
        }
    }
}
