using System.Globalization;
using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Data;

/// <summary>
/// Rows every deployment needs before anyone signs in: the roles and the standard resource catalogue.
/// Ensured at every start-up (idempotent: only what is missing is added), never demo data.
/// </summary>
public static class ReferenceData
{
    public static async Task EnsureAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            using var timeline = new TimelineRecorder(db, clock);
            timeline.Begin();
            if (await AddMissingAsync(db, clock.GetUtcNow(), ct))
            {
                // Added by the system at start-up: recorded on the registry chain like any other change.
                await timeline.RecordAsync(Action, typeof(ResourceType), null, null, clock.GetUtcNow(), ct);
            }

            await transaction.CommitAsync(ct);
        });
    }

    public const string Action = "EnsureReferenceData";

    /// <summary>Stages what is missing (unsaved); true when there was anything.</summary>
    public static async Task<bool> AddMissingAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var roles = await db.Roles.Select(r => r.Name!).ToListAsync(ct);
        var codes = await db.ResourceTypes.Select(t => t.Code).ToListAsync(ct);
        foreach (var role in Roles.All.Except(roles))
        {
            db.Roles.Add(new IdentityRole<Guid>(role)
            {
                Id = Guid.CreateVersion7(),
                NormalizedName = role.ToUpperInvariant(),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
            });
        }

        foreach (var (code, name, unit) in ResourceType.Standard.Where(t => !codes.Contains(t.Code)))
        {
            db.ResourceTypes.Add(ResourceType.Define(code, name, unit, now));
        }

        var versioned = await db.TextVersions.Where(v => v.Language == Languages.Chinese).Select(v => v.Original).ToListAsync(ct);
        foreach (var (code, name, _) in ResourceType.Standard.Where(t => !versioned.Contains(t.Name)))
        {
            db.TextVersions.Add(new TextVersion { Language = Languages.Chinese, Original = name, Version = StandardNamesInChinese[code] });
        }

        foreach (var (original, version) in ProfilesInChinese.Concat(UnitsInChinese).Concat(SystemTextsInChinese).Where(p => !versioned.Contains(p.Key)))
        {
            db.TextVersions.Add(new TextVersion { Language = Languages.Chinese, Original = original, Version = version });
        }

        return db.ChangeTracker.HasChanges();
    }

    /// <summary>The default Table-1 profiles (OrganisationProfile.DefaultFor) as a Chinese reader reads them.</summary>
    private static readonly Dictionary<string, string> ProfilesInChinese = new(StringComparer.Ordinal)
    {
        ["Protect life and property, keep public order"] = "保护生命财产安全，维护公共秩序",
        ["Neutral"] = "中立",
        ["Public budget"] = "公共财政预算",
        ["Administrative means, enforcement"] = "行政手段、执法",
        ["Protect the basic rights of people hit by the disaster"] = "保障受灾群众的基本权益",
        ["Mostly neutral; aid by need"] = "基本中立；按需援助",
        ["Own resources, raised funds"] = "自有资源、募集资金",
        ["Material and personnel aid"] = "物资和人员援助",
        ["Its own interests, and social responsibility"] = "自身利益与社会责任",
        ["Not neutral"] = "非中立",
        ["Own finances"] = "自有资金",
        ["Material assistance"] = "物资援助",
        ["Self-help and mutual aid"] = "自救互救",
        ["Not applicable"] = "不适用",
        ["Own means"] = "自有条件",
        ["Reports, volunteering"] = "报告险情、志愿服务",
    };

    /// <summary>
    /// The standard catalogue's units as a Chinese reader counts them: the measure words amounts use (Display.Unit.*),
    /// so a unit shown on its own reads as it does in "600 张床位".
    /// </summary>
    private static IEnumerable<KeyValuePair<string, string>> UnitsInChinese =>
        ResourceType.Standard.Select(t => t.Unit).Distinct()
            .Select(unit => KeyValuePair.Create(unit, Texts.Resources.GetString("Display.Unit." + unit, CultureInfo.GetCultureInfo(Languages.Chinese)) ?? unit));

    /// <summary>Notes the portal itself stores among people's words (e.g. why a reporter's organisation takes part).</summary>
    private static readonly Dictionary<string, string> SystemTextsInChinese = new(StringComparer.Ordinal)
    {
        [LogIncidentCommandHandler.ReporterNote] = "报告了该事件",
        [SetIncidentLeadCommandHandler.LeadNote] = "牵头响应",
        [MergeIncidentCommandHandler.ParticipantNote] = "曾参与已并入本事件的重复事件",
    };

    /// <summary>The standard catalogue's names as a Chinese reader knows them (ADR 0038); the codes stay as they are.</summary>
    private static readonly Dictionary<string, string> StandardNamesInChinese = new(StringComparer.Ordinal)
    {
        ["rescue-boat"] = "救生艇",
        ["ambulance"] = "救护车",
        ["fire-engine"] = "消防车",
        ["truck"] = "载货卡车",
        ["excavator"] = "挖掘机",
        ["crane"] = "汽车起重机",
        ["generator"] = "发电机",
        ["water-pump"] = "水泵",
        ["shelter-bed"] = "安置床位",
        ["tent"] = "家庭帐篷",
        ["blanket"] = "毛毯",
        ["drinking-water"] = "饮用水",
        ["food-ration"] = "口粮",
        ["medical-kit"] = "急救包",
        ["medical-team"] = "医疗队",
        ["search-rescue-team"] = "搜救队",
        ["volunteer"] = "志愿者",
        ["sandbag"] = "沙袋",
    };
}
