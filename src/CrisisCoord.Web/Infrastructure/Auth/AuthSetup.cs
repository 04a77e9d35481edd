using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Security.Sessions;
using CrisisCoord.Web.Infrastructure.Localization;
using CrisisCoord.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CrisisCoord.Web.Infrastructure.Auth;

/// <summary>
/// Pages sign in with Identity's cookie; the API authenticates only with bearer tokens (so a browser
/// cookie can never be used to forge an API call). Unauthenticated API calls get 401 ProblemDetails,
/// pages a redirect to sign in.
/// </summary>
public static class AuthSetup
{
    public const string ApiPolicy = "api";

    public static IServiceCollection AddCrisisCoordAuth(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        // Checked when the app starts, so a missing or published key stops it with a clear message
        // instead of every API call failing later.
        services.AddOptions<TokenOptions>()
            .Bind(configuration.GetSection(TokenOptions.Section))
            .Validate(o => o.Problem(environment.IsDevelopment()) is null, "Auth:Tokens is not usable: set Auth__Tokens__SigningKey to a secret of at least 32 characters.")
            .ValidateOnStart();
        services.AddSingleton<ITokenIssuer, JwtTokenIssuer>();
        services.AddSingleton<DeviceCookie>();

        services.AddIdentity<AppUser, IdentityRole<Guid>>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true;
                // PasswordRules replaces the composition rules (ASVS 5.0 V6.2).
                options.Password.RequiredLength = PasswordRules.MinimumLength;
                options.Password.RequiredUniqueChars = 1;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                // No lock-out after failures, which strangers could trigger: SignInThrottle slows guessing
                // instead. Lock-out remains only as the way an administrator disables an account.
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = int.MaxValue;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddPasswordValidator<PasswordRules>()
            .AddDefaultTokenProviders();

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SessionLimits>>((options, sessions) =>
            {
                options.LoginPath = "/Account/SignIn";
                options.LogoutPath = "/Account/SignOut";
                options.AccessDeniedPath = "/Account/AccessDenied";
                options.Cookie.Name = WebSecuritySetup.CookieName(environment, "crisiscoord");
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = WebSecuritySetup.SecureCookies(environment) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                // The idle limit; the absolute one is the session's (SessionStore), checked with it below.
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = sessions.Value.Idle;
                // Instead of Identity's stamp check every 30 minutes: the session itself, within RecheckSeconds.
                options.Events.OnValidatePrincipal = SessionChecks.ValidateCookieAsync;
                // Relative redirects: behind a TLS proxy the browser's own scheme and host are the right ones,
                // whatever the app believes it was reached by.
                options.Events.OnRedirectToLogin = context => RedirectRelative(context);
                options.Events.OnRedirectToAccessDenied = context => RedirectRelative(context);
                options.Events.OnSignedIn = context => ReaderCookies.OnSignedIn(context);
            });

        services.AddAuthentication()
            // One bearer scheme for the API: personal access tokens by their prefix (ADR 0025), session JWTs otherwise.
            .AddPolicyScheme(AccessTokenAuthenticationHandler.BearerScheme, "Bearer", options =>
                options.ForwardDefaultSelector = AccessTokenAuthenticationHandler.SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AccessTokenAuthenticationHandler.SchemeName, null)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.Events = new JwtBearerEvents
                {
                    // A valid signature is not enough: the session must still be live (not signed out or revoked).
                    OnTokenValidated = SessionChecks.ValidateTokenAsync,
                    // Write 401/403 as ProblemDetails rather than an empty body.
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        await ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized,
                            context.AuthenticateFailure switch
                            {
                                SecurityTokenExpiredException => "The access token has expired. Get a new one from POST /api/v1/auth/refresh with your refresh token.",
                                SessionEndedException => "This sign-in has ended (signed out, password or roles changed, or account disabled). Get a new token from POST /api/v1/auth/token.",
                                _ => "Send 'Authorization: Bearer <token>' with a token from POST /api/v1/auth/token.",
                            });
                    },
                    OnForbidden = context => ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden,
                        "Your role or your organisation's charter does not allow this."),
                };
            });
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<Microsoft.Extensions.Options.IOptions<TokenOptions>>((options, tokens) =>
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = TokenOptions.Issuer,
                    ValidAudience = TokenOptions.Audience,
                    IssuerSigningKey = tokens.Value.Key(),
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = System.Security.Claims.ClaimTypes.NameIdentifier,
                    RoleClaimType = System.Security.Claims.ClaimTypes.Role,
                });

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, policy => policy
                .AddAuthenticationSchemes(AccessTokenAuthenticationHandler.BearerScheme)
                .RequireAuthenticatedUser());
        return services;
    }

    private static Task RedirectRelative(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context)
    {
        var target = Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri;
        context.Response.Redirect(target);
        return Task.CompletedTask;
    }
}
