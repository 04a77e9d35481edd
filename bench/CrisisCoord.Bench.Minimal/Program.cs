using Npgsql;

// The baseline of bench/run.sh: the portal's stack (Kestrel, System.Text.Json, Npgsql) without its pipeline, one
// statement per request. POST /incidents inserts one row shaped like an incident; GET /incidents reads the newest
// page of real incidents with the portal's keyset order. Whatever the portal does beyond this is its own cost.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(
    builder.Configuration.GetConnectionString("Baseline") ?? throw new InvalidOperationException("Set ConnectionStrings__Baseline.")));
var app = builder.Build();

app.MapPost("/incidents", async (NewIncident input, NpgsqlDataSource db, CancellationToken ct) =>
{
    var now = DateTimeOffset.UtcNow;
    var id = Guid.CreateVersion7(now);
    await using var command = db.CreateCommand("""
        INSERT INTO bench_baseline_incidents (id, title, description, category, severity, state, place_name, latitude, longitude, reported_at, state_changed_at)
        VALUES ($1, $2, $3, $4, $5, 'Reported', $6, $7, $8, $9, $9)
        """);
    command.Parameters.AddWithValue(id);
    command.Parameters.AddWithValue(input.Title);
    command.Parameters.AddWithValue(input.Description);
    command.Parameters.AddWithValue(input.Category);
    command.Parameters.AddWithValue(input.Severity);
    command.Parameters.AddWithValue(input.PlaceName);
    command.Parameters.AddWithValue(input.Latitude);
    command.Parameters.AddWithValue(input.Longitude);
    command.Parameters.AddWithValue(now);
    await command.ExecuteNonQueryAsync(ct);
    return Results.Created($"/incidents/{id}", new IncidentRow(id, input.Title, input.Category, input.Severity, "Reported", input.PlaceName, input.Latitude, input.Longitude, now));
});

app.MapGet("/incidents", async (int? limit, NpgsqlDataSource db, CancellationToken ct) =>
{
    await using var command = db.CreateCommand("""
        SELECT id, title, category, severity, state, place_name, latitude, longitude, reported_at
        FROM incidents ORDER BY reported_at DESC, id DESC LIMIT $1
        """);
    command.Parameters.AddWithValue(Math.Clamp(limit ?? 20, 1, 100));
    await using var reader = await command.ExecuteReaderAsync(ct);
    List<IncidentRow> items = [];
    while (await reader.ReadAsync(ct))
    {
        items.Add(new IncidentRow(
            reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
            reader.GetDouble(6), reader.GetDouble(7), reader.GetFieldValue<DateTimeOffset>(8)));
    }

    return Results.Ok(new { items, nextCursor = items.Count > 0 ? $"{items[^1].ReportedAt.UtcTicks}:{items[^1].Id:N}" : null });
});

app.Run();

internal sealed record NewIncident(string Title, string Description, string Category, string Severity, string PlaceName, double Latitude, double Longitude);

internal sealed record IncidentRow(
    Guid Id, string Title, string Category, string Severity, string State, string PlaceName, double Latitude, double Longitude, DateTimeOffset ReportedAt);
