using System.Diagnostics;
using System.Globalization;
using System.Text;
using CrisisCoord.Application.Features.Audit;
using Npgsql;

namespace CrisisCoord.Bench;

/// <summary>
/// <c>generate</c>: the crisis-scale data set, into a database the portal has already migrated and seeded with its
/// reference data and first administrator. Writes <c>bench.env</c> (who signs in, which incidents and cursors the
/// scenarios read) and <c>tasks.lua</c> (each assignable task with its ETag and assignee) to the output folder.
/// </summary>
public static class GenerateCommand
{
    public static async Task RunAsync(string connectionString, BenchScale scale, string output, string password, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        // Seeded: two runs of one scale build the same shape of data.
        var random = new Random(14);
        await using var source = NpgsqlDataSource.Create(connectionString);
        using var history = new ChangeHistory(connectionString);
        var registry = await BenchRegistry.CreateAsync(connectionString, source, history, scale, password, random, ct);
        var registryEvents = await ScalarAsync<long>(source, "SELECT count(*) FROM timeline_events", ct);
        await Console.Error.WriteLineAsync($"  registry: {registry.Organisations.Count} organisations, people and resources in {watch.Elapsed.TotalSeconds:0.0} s");

        var incidents = new IncidentHistory(history, registry, scale, random);
        await incidents.WriteAsync(source, (int)(scale.Events - registryEvents), ct);

        var typical = incidents.Responding.Where(r => r.Incident != incidents.Busiest).OrderBy(r => r.Events).ElementAt(incidents.Responding.Count / 2);
        Directory.CreateDirectory(output);
        await File.WriteAllTextAsync(Path.Combine(output, "tasks.lua"), await TasksLuaAsync(source, incidents.AssignableTasks, random, ct), ct);
        var values = new Dictionary<string, string>
        {
            ["COORDINATOR_EMAIL"] = BenchPeople.CoordinatorEmail,
            ["AGENCY_EMAIL"] = BenchPeople.AgencyEmail,
            ["AUDITOR_EMAIL"] = BenchPeople.AuditorEmail,
            ["RESOURCES_EMAIL"] = BenchPeople.ResourcesEmail,
            ["EF_IMPORT_ORGANISATION"] = registry.Named(BenchRegistry.EfImportName).Id.ToString(),
            ["BUSIEST_INCIDENT"] = incidents.Busiest.ToString(),
            ["BUSIEST_EVENTS"] = incidents.BusiestEvents.ToString(CultureInfo.InvariantCulture),
            ["TYPICAL_INCIDENT"] = typical.Incident.ToString(),
            ["TYPICAL_EVENTS"] = typical.Events.ToString(CultureInfo.InvariantCulture),
            ["DEEP_CURSOR"] = await FarEndCursorAsync(source, ct),
            ["EVENTS"] = (await ScalarAsync<long>(source, "SELECT count(*) FROM timeline_events", ct)).ToString(CultureInfo.InvariantCulture),
            ["TASKS"] = incidents.AssignableTasks.Count.ToString(CultureInfo.InvariantCulture),
        };
        await File.WriteAllLinesAsync(Path.Combine(output, "bench.env"), values.Select(v => $"{v.Key}={v.Value}"), ct);
        Console.WriteLine(
            $"generated {scale.Name}: {registry.Organisations.Count} organisations, {registry.StaffOf.Count + 4} people, {scale.Resources} resources, " +
            $"{scale.Incidents} incidents ({scale.OpenIncidents} open), {incidents.AssignableTasks.Count} open tasks, {values["EVENTS"]} timeline events " +
            $"(busiest incident {values["BUSIEST_EVENTS"]}) in {watch.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>The cursor after which the oldest page of 50 remains: the far end of the whole timeline, newest first.</summary>
    private static async Task<string> FarEndCursorAsync(NpgsqlDataSource source, CancellationToken ct)
    {
        await using var command = source.CreateCommand("SELECT occurred_at, chain_id, sequence FROM timeline_events ORDER BY occurred_at, chain_id, sequence OFFSET 50 LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new TimelineCursor(reader.GetFieldValue<DateTimeOffset>(0), reader.GetGuid(1), reader.GetInt64(2)).Encode();
    }

    /// <summary>A Lua table of {task id, row version (the ETag's number), organisation to assign it to}, shuffled.</summary>
    private static async Task<string> TasksLuaAsync(NpgsqlDataSource source, List<(Guid Task, Guid Organisation)> tasks, Random random, CancellationToken ct)
    {
        Dictionary<Guid, string> versions = [];
        await using (var command = source.CreateCommand("SELECT id, xmin::text FROM tasks WHERE state = 'Open'"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                versions[reader.GetGuid(0)] = reader.GetString(1);
            }
        }

        var shuffled = tasks.ToArray();
        random.Shuffle(shuffled);
        var lua = new StringBuilder("return {\n");
        foreach (var (task, organisation) in shuffled)
        {
            lua.Append(CultureInfo.InvariantCulture, $"{{\"{task}\",\"{versions[task]}\",\"{organisation}\"}},\n");
        }

        return lua.Append("}\n").ToString();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource source, string sql, CancellationToken ct)
    {
        await using var command = source.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }
}
