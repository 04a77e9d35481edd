using CrisisCoord.Application;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.People;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Resources;
using CrisisCoord.Domain.Timeline;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CrisisCoord.Bench;

/// <summary>The people the scenarios sign in as; all share one password.</summary>
public sealed record BenchPeople(Guid Coordinator, Guid Agency, Guid Auditor, Guid ResourceManager)
{
    public const string CoordinatorEmail = "coordinator@bench.localhost";
    public const string AgencyEmail = "agency@bench.localhost";
    public const string AuditorEmail = "auditor@bench.localhost";
    public const string ResourcesEmail = "resources@bench.localhost";
}

/// <summary>
/// The registry part of the data: organisations and resources by COPY, each with its registry-chain event; people
/// through Identity's UserManager and the product's <see cref="Accounts"/> and <see cref="TimelineRecorder"/>, as an
/// administrator adds them (a few hundred, so the product's own path costs seconds, and password hashes are Identity's).
/// </summary>
public sealed class BenchRegistry
{
    /// <summary>Leads every grade (Country level): the coordinator and the auditor belong to it.</summary>
    public const string MinistryName = "Bench Ministry of Emergency Management";

    public const string CityBureauName = "Bench Qinghe City Emergency Management Bureau";

    /// <summary>The resource manager's organisation: the inventory import adds its places.</summary>
    public const string ReliefName = "Bench Qinghe Red Cross Society";

    /// <summary>Where the EF comparison of the import writes its rows, apart from the API's.</summary>
    public const string EfImportName = "Bench Qinghe Logistics Co.";

    private static readonly string[] Areas =
    [
        "Dongshan", "Xiba", "Liuzhuang", "Qinghe North", "Qinghe South", "Riverside", "Hongshan", "Baiyang", "Jinkou", "Shuiguo",
        "Nanhu", "Huaqiao", "Guanggu", "Zhuankou", "Caidian", "Hannan", "Xinzhou", "Huangpi", "Jiangxia", "Wuhu",
    ];

    private BenchRegistry(List<Organisation> organisations, Dictionary<Guid, Guid> staffOf, BenchPeople people)
    {
        Organisations = organisations;
        StaffOf = staffOf;
        People = people;
    }

    public List<Organisation> Organisations { get; }

    /// <summary>One staff member per organisation (no password: nobody signs in as them); they act on the timeline.</summary>
    public Dictionary<Guid, Guid> StaffOf { get; }

    public BenchPeople People { get; }

    public Organisation Named(string name) => Organisations.Single(o => o.Name == name);

    public static async Task<BenchRegistry> CreateAsync(
        string connectionString, NpgsqlDataSource source, ChangeHistory history, BenchScale scale, string password, Random random, CancellationToken ct)
    {
        Guid administrator;
        await using (var db = DependencyInjection.CreateContext(connectionString))
        {
            administrator = await db.UserRoles
                .Where(r => db.Roles.Any(role => role.Id == r.RoleId && role.Name == Roles.Administrator))
                .Select(r => r.UserId).FirstOrDefaultAsync(ct);
            if (administrator == Guid.Empty)
            {
                throw new InvalidOperationException("No administrator: run the portal with --create-admin first, so migrations and reference data are the portal's own.");
            }
        }

        var organisations = MakeOrganisations(scale.Organisations, random);
        await AppendToRegistryAsync(source, history, organisations, o => ("RegisterOrganisation", typeof(Organisation), administrator, null, db => db.Organisations.Add(o)), ct);

        var (staffOf, people) = await AddPeopleAsync(connectionString, organisations, administrator, password, ct);

        var resources = await MakeResourcesAsync(connectionString, organisations, scale.Resources, random, ct);
        await AppendToRegistryAsync(source, history, resources, r => ("RegisterResource", typeof(Resource), staffOf[r.OrganisationId], r.OrganisationId, db => db.Resources.Add(r)), ct);
        return new BenchRegistry(organisations, staffOf, people);
    }

    /// <summary>Rows by COPY and one registry event each, after the chain's current head, in one transaction.</summary>
    private static async Task AppendToRegistryAsync<T>(
        NpgsqlDataSource source,
        ChangeHistory history,
        List<T> rows,
        Func<T, (string Action, Type Subject, Guid? User, Guid? Organisation, Action<AppDbContext> Change)> step,
        CancellationToken ct)
        where T : class
    {
        await using var connection = await source.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var registry = new Chain(TimelineChains.Registry, await HeadAsync(connection, TimelineChains.Registry, ct));
        List<TimelineEvent> events = new(rows.Count);
        foreach (var row in rows)
        {
            var (action, subject, user, organisation, change) = step(row);
            events.Add(history.Step(registry, action, subject, user, organisation, DateTimeOffset.UtcNow, change));
        }

        await new BulkCopy<T>(history.Model).WriteAsync(connection, rows, ct);
        await new BulkCopy<TimelineEvent>(history.Model).WriteAsync(connection, events, ct);
        await transaction.CommitAsync(ct);
    }

    public static async Task<ChainHead?> HeadAsync(NpgsqlConnection connection, Guid chain, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT sequence, hash, occurred_at FROM timeline_events WHERE chain_id = $1 ORDER BY sequence DESC LIMIT 1", connection);
        command.Parameters.AddWithValue(chain);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new ChainHead(reader.GetInt64(0), (byte[])reader[1], reader.GetFieldValue<DateTimeOffset>(2))
            : null;
    }

    private static List<Organisation> MakeOrganisations(int count, Random random)
    {
        var now = DateTimeOffset.UtcNow;
        List<Organisation> organisations =
        [
            Make(MinistryName, OrganisationKind.Government, AdministrativeLevel.Country, "National", null),
            Make(CityBureauName, OrganisationKind.Government, AdministrativeLevel.City, "Qinghe City", new ServiceArea(30.5928, 114.3055, 60)),
            Make(ReliefName, OrganisationKind.CivicGroup, AdministrativeLevel.City, "Qinghe City", new ServiceArea(30.6012, 114.3105, 60)),
            Make(EfImportName, OrganisationKind.Enterprise, AdministrativeLevel.City, "Qinghe City", new ServiceArea(30.6204, 114.2511, 80)),
        ];

        // Four in ten are government bodies (most at town and village level), then civic groups, enterprises, citizens' groups.
        for (var i = organisations.Count; i < count; i++)
        {
            var area = Areas[i % Areas.Length];
            var (kind, level, word) = (i % 10) switch
            {
                0 => (OrganisationKind.Government, AdministrativeLevel.City, "District Emergency Office"),
                1 or 2 => (OrganisationKind.Government, AdministrativeLevel.Town, "Town Government"),
                3 => (OrganisationKind.Government, AdministrativeLevel.Village, "Village Committee"),
                4 or 5 or 6 => (OrganisationKind.CivicGroup, AdministrativeLevel.City, "Volunteer Rescue Team"),
                7 or 8 => (OrganisationKind.Enterprise, AdministrativeLevel.Town, "Logistics Co."),
                _ => (OrganisationKind.Citizen, AdministrativeLevel.Town, "Residents' Group"),
            };
            var (lat, lon) = Geography.Near(random);
            organisations.Add(Make($"{area} {word} {i:D3}", kind, level, $"{area} {level}", new ServiceArea(Math.Round(lat, 4), Math.Round(lon, 4), 5 + random.Next(40))));
        }

        return organisations;

        Organisation Make(string name, OrganisationKind kind, AdministrativeLevel level, string area, ServiceArea? serves)
        {
            var slug = new string([.. name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
            var organisation = Organisation.Register(name, kind, level, area, new OrganisationContact("Duty desk", "+86 27 0000 0000", $"duty@{slug}.bench.localhost"), null, now);
            organisation.SetServiceArea(serves);
            return organisation;
        }
    }

    /// <summary>The four scenario people, then one staff member per organisation, each recorded as the administrator's act.</summary>
    private static async Task<(Dictionary<Guid, Guid> StaffOf, BenchPeople People)> AddPeopleAsync(
        string connectionString, List<Organisation> organisations, Guid administrator, string password, CancellationToken ct)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<AppDbContext>(options => options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention());
        services.AddIdentityCore<AppUser>(options => options.User.RequireUniqueEmail = true)
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AppDbContext>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var timeline = new TimelineRecorder(db, TimeProvider.System);

        var ministry = organisations.Single(o => o.Name == MinistryName).Id;
        var bureau = organisations.Single(o => o.Name == CityBureauName).Id;
        var relief = organisations.Single(o => o.Name == ReliefName).Id;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        async Task<Guid> AddAsync(string name, string email, string? secret, Guid organisation, string role)
        {
            timeline.Begin();
            var person = await Accounts.CreateAsync(users, name, email, secret, organisation, [role]);
            await timeline.RecordAsync("CreateUser", typeof(AppUser), administrator, null, DateTimeOffset.UtcNow, ct);
            return person.Id;
        }

        var people = new BenchPeople(
            await AddAsync("Bench Coordinator", BenchPeople.CoordinatorEmail, password, ministry, Roles.Coordinator),
            await AddAsync("Bench Agency Officer", BenchPeople.AgencyEmail, password, bureau, Roles.AgencyStaff),
            await AddAsync("Bench Auditor", BenchPeople.AuditorEmail, password, ministry, Roles.Auditor),
            await AddAsync("Bench Resource Manager", BenchPeople.ResourcesEmail, password, relief, Roles.ResourceManager));
        Dictionary<Guid, Guid> staffOf = [];
        foreach (var (organisation, i) in organisations.Select((o, i) => (o, i)))
        {
            var role = organisation.Kind == OrganisationKind.Citizen ? Roles.Citizen : Roles.AgencyStaff;
            staffOf[organisation.Id] = await AddAsync($"Duty officer {i:D3}", $"duty{i:D3}@staff.bench.localhost", null, organisation.Id, role);
        }

        await transaction.CommitAsync(ct);
        return (staffOf, people);
    }

    private static async Task<List<Resource>> MakeResourcesAsync(
        string connectionString, List<Organisation> organisations, int count, Random random, CancellationToken ct)
    {
        List<Guid> types;
        await using (var db = DependencyInjection.CreateContext(connectionString))
        {
            // The catalogue is the portal's reference data, made at its start-up.
            types = await db.ResourceTypes.OrderBy(t => t.Code).Select(t => t.Id).ToListAsync(ct);
        }

        var now = DateTimeOffset.UtcNow;
        var holders = organisations.Where(o => o.Name != EfImportName).ToList();
        List<Resource> resources = new(count);
        for (var i = 0; i < count; i++)
        {
            var holder = holders[random.Next(holders.Count)];
            var (lat, lon) = Geography.Near(random);
            var confirmed = now.AddHours(-random.Next(1, 24 * 14));
            resources.Add(Resource.Register(
                holder.Id,
                types[random.Next(types.Count)],
                new ResourceDetails(1 + random.Next(500), $"Depot {i:D6}, {Areas[i % Areas.Length]}", Math.Round(lat, 5), Math.Round(lon, 5), null, null, ""),
                confirmed));
        }

        return resources;
    }
}
