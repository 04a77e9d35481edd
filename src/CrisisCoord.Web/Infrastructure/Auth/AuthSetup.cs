using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
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
            .Validate(o => o.Problem(environment.IsDevelopment()) is null, "Auth:Tokens is not usable: set Auth__Tokens__SigningKey to a secret of at least 32 characters (and LifetimeMinutes 1–120).")
            .ValidateOnStart();
        services.AddSingleton<ITokenIssuer, JwtTokenIssuer>();

        services.AddIdentity<AppUser, IdentityRole<Guid>>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/SignIn";
            options.LogoutPath = "/Account/SignOut";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "crisiscoord";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
        });

        services.AddAuthentication()
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.Events = new JwtBearerEvents
                {
                    // Write 401/403 as ProblemDetails rather than an empty body.
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        await ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized,
                            context.AuthenticateFailure is SecurityTokenExpiredException
                                ? "The bearer token has expired. Get a new one from POST /api/v1/auth/token."
                                : "Send 'Authorization: Bearer <token>' with a token from POST /api/v1/auth/token.");
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
                .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser());
        return services;
    }
}
