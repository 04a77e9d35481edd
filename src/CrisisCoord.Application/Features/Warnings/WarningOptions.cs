using System.Globalization;
using System.Text.RegularExpressions;
using CrisisCoord.Application.Mail;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.Domain.Warnings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrisisCoord.Application.Features.Warnings;

/// <summary>
/// <c>Warnings:*</c>: how this portal signs and times its CAP messages, and who approves them. Checked when the
/// app starts, so a bad value stops it rather than issuing messages other systems reject.
/// </summary>
public sealed partial class WarningOptions
{
    public const string Section = "Warnings";

    /// <summary>
    /// CAP <c>sender</c>: a stable name for this portal, such as <c>warnings.city.example.gov</c>, with no spaces,
    /// commas, &lt; or &amp;. Empty: the host of <c>Mail:PortalUrl</c>.
    /// </summary>
    public string Sender { get; set; } = "";

    /// <summary>The UTC offset CAP times are written in, <c>±hh:mm</c> (e.g. <c>+08:00</c> for China). Never <c>Z</c>.</summary>
    public string TimeOffset { get; set; } = "+00:00";

    /// <summary>
    /// When set, the person who drafted a warning may publish it alone for incidents of this grade or graver
    /// (I is the gravest) while they are in the warning phase; otherwise a coordinator of the incident approves.
    /// </summary>
    public Severity? DrafterMayPublishAloneUpToGrade { get; set; }

    public TimeSpan Offset => TryOffset(TimeOffset) ?? TimeSpan.Zero;

    public string? Problem()
    {
        if (Sender.Length > 0 && !SenderPattern().IsMatch(Sender))
        {
            return $"'{Section}:Sender' must be a name without spaces, commas, '<' or '&' (e.g. warnings.city.example.gov), at most {WarningMessage.SenderMaxLength} characters.";
        }

        if (TryOffset(TimeOffset) is null)
        {
            return $"'{Section}:TimeOffset' must be an offset from UTC written ±hh:mm between -14:00 and +14:00, such as +08:00 or +00:00.";
        }

        return DrafterMayPublishAloneUpToGrade is { } grade && !Enum.IsDefined(grade)
            ? $"'{Section}:DrafterMayPublishAloneUpToGrade' must be empty or a grade: I, II, III or IV."
            : null;
    }

    /// <summary>The sender name: the configured one, else the portal's host.</summary>
    public string SenderFor(PortalLinks portal) => Sender.Length > 0 ? Sender : portal.PortalUrl.IdnHost;

    private static TimeSpan? TryOffset(string text)
    {
        if (!OffsetPattern().IsMatch(text))
        {
            return null;
        }

        var value = TimeSpan.ParseExact(text[1..], @"hh\:mm", CultureInfo.InvariantCulture);
        value = text[0] == '-' ? -value : value;
        return value.Duration() <= TimeSpan.FromHours(14) && value.Minutes % 15 == 0 ? value : null;
    }

    [GeneratedRegex(@"^[^\s,<&]{1,200}$", RegexOptions.CultureInvariant)]
    private static partial Regex SenderPattern();

    [GeneratedRegex(@"^[+-]\d\d:\d\d$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetPattern();
}

/// <summary>
/// Set when a command issued a CAP message in this request, so the host can drop cached public pages and
/// feeds once the command has committed.
/// </summary>
public sealed class WarningChanges
{
    public bool Issued { get; private set; }

    public void MarkIssued() => Issued = true;
}

public static class WarningSetup
{
    /// <summary>Binds and checks <c>Warnings:*</c> at start-up and registers what issues CAP messages.</summary>
    public static IServiceCollection AddWarnings(this IServiceCollection services)
    {
        services.AddOptions<WarningOptions>()
            .BindConfiguration(WarningOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WarningOptions>, WarningOptionsValidator>();
        services.AddSingleton(provider => new WarningApproval(provider.GetRequiredService<IOptions<WarningOptions>>().Value.DrafterMayPublishAloneUpToGrade));
        services.AddScoped<WarningIssuer>();
        services.AddScoped<WarningChanges>();
        return services;
    }
}

internal sealed class WarningOptionsValidator : IValidateOptions<WarningOptions>
{
    public ValidateOptionsResult Validate(string? name, WarningOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
