using CrisisCoord.Application.Data;
using CrisisCoord.Domain.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrisisCoord.Web.Infrastructure;

public sealed class DemoDataOptions
{
    public const string Section = "DemoData";

    /// <summary>Seed the demo scenario into an empty database. Never honoured in Production.</summary>
    public bool Seed { get; set; }
}

/// <summary>
/// The demo scenario (shared DOMAIN.md, "Demo scenario"): one province, Qinghe, with an incident in every state. Built
/// through the same domain factories and transitions as real data, back-dated so the timeline reads
/// like a real week.
/// </summary>
public sealed partial class DemoDataSeeder(
    AppDbContext db,
    TimeProvider clock,
    IOptions<DemoDataOptions> options,
    ILogger<DemoDataSeeder> logger)
{
    public async Task SeedAsync(IHostEnvironment environment, CancellationToken ct)
    {
        if (!options.Value.Seed || environment.IsProduction())
        {
            return;
        }

        if (await db.Incidents.AnyAsync(ct))
        {
            LogAlreadySeeded();
            return;
        }

        var now = clock.GetUtcNow();
        var incidents = new List<Incident>
        {
            Log(now.AddDays(-21), "Norovirus outbreak at Dongshan nursing home",
                "41 residents and 6 staff with vomiting and diarrhoea over three days; two residents hospitalised. Kitchen closed and wards isolated.",
                IncidentCategory.PublicHealth, Severity.IV, "Dongshan Town, Sunshine Nursing Home", 30.5061, 114.2795,
                (IncidentState.Response, now.AddDays(-21).AddHours(2)),
                (IncidentState.Recovery, now.AddDays(-17)),
                (IncidentState.Closed, now.AddDays(-12))),
            Log(now.AddDays(-6), "Chlorine leak at Qinghe Chemical Park",
                "Valve failure on a storage tank released chlorine gas; residents within 1.5 km downwind were evacuated. The leak is sealed; decontamination and health checks of residents continue.",
                IncidentCategory.AccidentDisaster, Severity.III, "Qinghe City, Chemical Industrial Park, Gate 3", 30.5883, 114.3921,
                (IncidentState.Response, now.AddDays(-6).AddMinutes(25)),
                (IncidentState.Recovery, now.AddDays(-3))),
            Log(now.AddHours(-9), "M6.1 earthquake near Xiba Town",
                "Shallow M6.1 earthquake at 04:12 local time. Houses collapsed in the old quarter, the middle school is damaged, and a landslide has cut the road to Liuzhuang. About 3,000 people displaced.",
                IncidentCategory.NaturalDisaster, Severity.II, "Xiba Town", 30.6893, 114.1022,
                (IncidentState.Response, now.AddHours(-9).AddMinutes(15))),
            Log(now.AddHours(-8).AddMinutes(-20), "Explosion reported at Xiba railway station",
                "Caller reported an explosion at the station. Checked by the station police: a transformer failure caused by the earthquake, already on the earthquake incident.",
                IncidentCategory.SocialSecurity, Severity.III, "Xiba railway station", 30.6921, 114.1107,
                (IncidentState.Dismissed, now.AddHours(-8))),
            Log(now.AddHours(-3), "Qing River rising at Dongshan levee",
                "Gauge at Dongshan reads 27.9 m, 0.6 m below the warning level and rising 8 cm an hour after 36 hours of rain upstream. Low-lying farms on the east bank at risk within 24 hours.",
                IncidentCategory.NaturalDisaster, Severity.III, "Dongshan Town, Qing River levee km 12", 30.5124, 114.2861,
                (IncidentState.Warning, now.AddHours(-2).AddMinutes(-30))),
            Log(now.AddMinutes(-40), "Cracks in Liuzhuang reservoir dam",
                "A resident reports new cracks along the top of the small reservoir dam since the earthquake, with water seeping at its foot. Not yet checked by officials.",
                IncidentCategory.NaturalDisaster, Severity.IV, "Liuzhuang Village reservoir", 30.7342, 114.0513),
        };

        db.Incidents.AddRange(incidents);
        await db.SaveChangesAsync(ct);
        LogSeeded(incidents.Count);
    }

    private static Incident Log(
        DateTimeOffset reportedAt,
        string title,
        string description,
        IncidentCategory category,
        Severity severity,
        string place,
        double latitude,
        double longitude,
        params (IncidentState State, DateTimeOffset At)[] transitions)
    {
        var incident = Incident.Report(title, description, category, severity, place, latitude, longitude, reportedAt);
        foreach (var (state, at) in transitions)
        {
            incident.TransitionTo(state, at);
        }

        return incident;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: seeded {Count} incidents")]
    private partial void LogSeeded(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: the database already has incidents; nothing seeded")]
    private partial void LogAlreadySeeded();
}
