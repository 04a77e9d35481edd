using CrisisCoord.Application.Security;
using Serilog;
using Serilog.Filters;
using Serilog.Formatting.Compact;

namespace CrisisCoord.Web.Infrastructure.Security;

/// <summary>
/// Writes the security log (<see cref="SecurityLog"/>) to its own file, one JSON object per line (CLEF):
/// JSON escaping keeps a crafted value from forging or splitting an entry, and a separate file can be
/// shipped, retained and protected apart from the application log. <c>SecurityLog:Path</c> names the file
/// (a date is added to the name; a new file each day, 90 kept).
/// </summary>
public static class SecurityLogSink
{
    public const string PathSetting = "SecurityLog:Path";

    public static LoggerConfiguration WriteSecurityLog(this LoggerConfiguration logger, IConfiguration configuration)
    {
        var path = configuration[PathSetting] is { Length: > 0 } configured ? configured : Path.Combine("logs", "security-.clef");
        return logger.WriteTo.Logger(security => security
            .Filter.ByIncludingOnly(Matching.FromSource(SecurityLog.Category))
            .WriteTo.File(new CompactJsonFormatter(), path, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 90, shared: true));
    }
}
