using CrisisCoord.Application.Mail;
using Microsoft.Extensions.Options;

namespace CrisisCoord.Web.Infrastructure.Mail;

public static class MailSetup
{
    /// <summary>Mail:* checked when the app starts, the sender it names, and the background delivery of committed mail.</summary>
    public static IServiceCollection AddCrisisCoordMail(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<MailOptions>()
            .Bind(configuration.GetSection(MailOptions.Section))
            // A relative pickup directory is taken from the content root, not from wherever the process was started.
            .PostConfigure(o => o.PickupDirectory = string.IsNullOrWhiteSpace(o.PickupDirectory)
                ? null
                : Path.GetFullPath(o.PickupDirectory, environment.ContentRootPath))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();
        services.AddSingleton<IMailSender>(provider => provider.GetRequiredService<IOptions<MailOptions>>().Value.UsesPickupDirectory
            ? ActivatorUtilities.CreateInstance<PickupDirectoryMailSender>(provider)
            : ActivatorUtilities.CreateInstance<SmtpMailSender>(provider));
        services.AddSingleton<MailDeliveryService>();
        services.AddSingleton<IMailQueue>(provider => provider.GetRequiredService<MailDeliveryService>());
        services.AddHostedService(provider => provider.GetRequiredService<MailDeliveryService>());
        services.AddSingleton(provider =>
        {
            var portal = provider.GetRequiredService<IOptions<MailOptions>>().Value.PortalUrl!;
            return new PortalLinks(new Uri(portal.EndsWith('/') ? portal : portal + "/"));
        });
        return services;
    }
}
