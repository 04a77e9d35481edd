using Microsoft.AspNetCore.DataProtection;

namespace CrisisCoord.Web.Infrastructure.Auth;

/// <summary>
/// Remembers, in a protected cookie, the account this browser last signed in to successfully. Such a
/// browser is spared the account-wide throttling that a password-guessing attack from many addresses
/// triggers (SignInThrottle), so the attack cannot keep the owner out (OWASP "device cookies").
/// </summary>
public sealed class DeviceCookie(IDataProtectionProvider protection, IHostEnvironment environment)
{
    private readonly IDataProtector _protector = protection.CreateProtector("CrisisCoord.DeviceCookie.v1");

    private string Name => Security.WebSecuritySetup.CookieName(environment, "crisiscoord-device");

    public string? Read(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Forged, or protected with a key that is gone: simply not a known device.
            return null;
        }
    }

    public void Remember(HttpContext http, string email) =>
        http.Response.Cookies.Append(Name, _protector.Protect(email.Trim().ToUpperInvariant()), new CookieOptions
        {
            HttpOnly = true,
            Secure = Security.WebSecuritySetup.SecureCookies(environment) || http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            MaxAge = TimeSpan.FromDays(180),
            IsEssential = true,
        });
}
