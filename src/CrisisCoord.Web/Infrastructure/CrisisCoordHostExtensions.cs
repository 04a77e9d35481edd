using CrisisCoord.Application;
using CrisisCoord.Application.Behaviours;
using CrisisCoord.Application.Data;
using CrisisCoord.Web.Api;
using CrisisCoord.Web.Infrastructure.Auth;
using CrisisCoord.Web.Infrastructure.Live;
using CrisisCoord.Web.Infrastructure.Localization;
using CrisisCoord.Web.Infrastructure.Mail;
using CrisisCoord.Web.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Serilog;

namespace CrisisCoord.Web.Infrastructure;

public static class CrisisCoordHostExtensions
{
    public static WebApplicationBuilder AddCrisisCoord(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteSecurityLog(builder.Configuration),
            // Each host logs through its own logger, not the process-wide static one: two hosts in one process
            // (tests, tools) must not write into each other's security log.
            preserveStaticLogger: true);

        builder.Services.AddCrisisCoordApplication();
        builder.Services.AddCrisisCoordWebSecurity(builder.Configuration, builder.Environment);
        builder.Services.AddCrisisCoordRateLimits(builder.Configuration);
        builder.Services.AddCrisisCoordAuth(builder.Configuration, builder.Environment);
        builder.Services.AddCrisisCoordTimeline(builder.Configuration, builder.Environment);
        builder.Services.AddCrisisCoordDataProtection(builder.Configuration);
        builder.Services.AddCrisisCoordIdempotency();
        builder.Services.AddCrisisCoordMail(builder.Configuration, builder.Environment);
        builder.Services.AddCrisisCoordLive(builder.Configuration);
        builder.Services.AddCrisisCoordOpenApi();
        builder.Services.AddCrisisCoordNotifications();
        builder.Services.AddCrisisCoordWarnings();
        builder.Services.AddCrisisCoordLocalization();
        builder.Services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(AppDbContext)];
            options.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(AuthorizationBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(TextVersionBehaviour<,>),
                typeof(MailAfterCommitBehaviour<,>),
                typeof(TransactionBehaviour<,>),
            ];
        });

        builder.Services.Configure<JsonOptions>(options => ApiJson.Configure(options.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Detail ??= ExceptionProblem.AdviceFor(context.ProblemDetails.Status ?? 0));
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();

        builder.Services.AddRazorPages(options =>
            {
                // Every page needs a signed-in person except these.
                options.Conventions.AuthorizeFolder("/");
                options.Conventions.AllowAnonymousToPage("/Account/SignIn");
                options.Conventions.AllowAnonymousToPage("/Account/Register");
                options.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
                options.Conventions.AllowAnonymousToPage("/Error");
            })
            .AddMvcOptions(options =>
            {
                options.Filters.Add<CommandPageFilter>();
                options.Filters.Add<TwoFactorRequiredFilter>();
                options.ModelBinderProviders.Insert(0, new InvariantNumberBinderProvider());
                options.ModelBinderProviders.Insert(0, new ReaderTimeBinderProvider());
                ModelBindingMessages.Configure(options.ModelBindingMessageProvider);
            });

        builder.Services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: [HealthEndpoints.ReadyTag]);

        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));
        builder.Services.Configure<DemoDataOptions>(builder.Configuration.GetSection(DemoDataOptions.Section));
        builder.Services.AddScoped<DemoDataSeeder>();
        builder.Services.AddScoped<MyCapabilitiesProvider>();
        builder.Services.AddHostedService<CharterCacheListener>();
        return builder;
    }

    public static WebApplication UseCrisisCoord(this WebApplication app)
    {
        app.UseRoundTripHeader(app.Configuration);
        app.UseCrisisCoordWebSecurity();
        // Outermost, so each request is logged once with the status the client finally received.
        app.UseSerilogRequestLogging();
        app.UseIdempotencyKeys();
        // Outside the exception handler, so error pages and ProblemDetails are in the reader's language too.
        app.UseRequestLocalization();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            StatusCodeSelector = ex => ExceptionProblem.From(ex).Status,
            // A refusal or a missing record (4xx) is the person's answer, not a fault: no error and stack trace in
            // the log for it (refusals are in the security log). Only server faults are logged as errors.
            SuppressDiagnosticsCallback = context => ExceptionProblem.From(context.Exception).Status < StatusCodes.Status500InternalServerError,
        });
        app.UseWhen(
            ctx => ApiExceptionHandler.IsApiRequest(ctx),
            api => api.UseStatusCodePages());
        app.UseWhen(
            ctx => !ApiExceptionHandler.IsApiRequest(ctx),
            pages => pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));

        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authorization, so writes are counted per signed-in person (bearer tokens included).
        app.UseRateLimiter();
        app.UseCrisisCoordWarnings();

        app.MapHealthEndpoints();
        app.MapCrisisCoordApi();
        app.MapLanguageSwitch();
        app.MapCrisisCoordLive();
        app.MapCrisisCoordApiDocs();
        app.MapRazorPages();
        return app;
    }
}
