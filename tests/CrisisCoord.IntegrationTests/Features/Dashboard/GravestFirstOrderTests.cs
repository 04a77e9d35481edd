using CrisisCoord.Application.Features.Dashboard;
using CrisisCoord.Domain.Incidents;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CrisisCoord.IntegrationTests.Features.Dashboard;

/// <summary>
/// The dashboard's lists of open incidents read their first page through the gravest-first index, in order, rather
/// than sorting every open incident: the index's grade expression must be the one the query writes (issue 14).
/// </summary>
public sealed class GravestFirstOrderTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task The_first_page_of_open_incidents_is_read_in_order_from_the_gravest_first_index_without_a_sort()
    {
        await using var db = App.Database.CreateContext();
        var page = RankedIncident.GravestFirst(db.Incidents
                .Where(i => IncidentStateMachine.OpenStates.Contains(i.State))
                .Select(RankedIncident.Projection))
            .Take(GetDashboardQueryHandler.IncidentsShown + 1);
        await using var transaction = await db.Database.BeginTransactionAsync();
        // A few rows are read quickest by a scan and a sort; the question is whether an index can serve the order at all.
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_sort = off");
        await using var explain = page.CreateDbCommand();
        explain.CommandText = "EXPLAIN " + explain.CommandText;
        explain.Transaction = transaction.GetDbTransaction();

        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        plan.ShouldContain(line => line.Contains($"Index Scan using {RankedIncident.GravestFirstIndex}"), string.Join('\n', plan));
        plan.ShouldNotContain(line => line.TrimStart(' ', '-', '>').StartsWith("Sort", StringComparison.Ordinal), string.Join('\n', plan));
    }
}
