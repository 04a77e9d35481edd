using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Features.Resources;
using CrisisCoord.IntegrationTests.Infrastructure;

namespace CrisisCoord.IntegrationTests.Features.Audit;

/// <summary>Reading and exporting the timeline: filters, permissions, paging, bad input.</summary>
public sealed class TimelineReadingTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task Csv_export_holds_exactly_what_the_filters_select_in_time_order()
    {
        // Whole seconds, so the filter's bounds fall exactly where the events do; tokens stay valid in real time.
        var now = DateTimeOffset.UtcNow;
        App.Clock.Freeze(new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero));
        var staff = await App.CreateAsync(Roles.AgencyStaff);
        var client = await App.ClientForAsync(staff);
        var manager = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        var auditor = await App.ClientAsAsync(Roles.Auditor);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var flood = (await IncidentData.LogAsync(client, IncidentData.ValidBody("Flood, \"east\" levee, km 12")))["id"]!.GetValue<string>();
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var quake = (await IncidentData.LogAsync(client, IncidentData.ValidBody("Earthquake")))["id"]!.GetValue<string>();
        var from = App.Clock.GetUtcNow();
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await IncidentData.LogAsync(client, IncidentData.ValidBody("Landslide"));
        await ResourceData.RegisterAsync(manager, ResourceData.Water());

        var byChain = await CsvAsync(auditor, $"chain={flood}");
        byChain.Length.ShouldBe(2);
        byChain[1].ShouldContain("\"Flood, \"\"east\"\" levee, km 12\"", Case.Sensitive, "quotes and commas are escaped as RFC 4180 says");

        var byOrganisation = await CsvAsync(auditor, $"organisation={staff.OrganisationId}&action=LogIncident");
        byOrganisation.Length.ShouldBe(4);
        byOrganisation.Skip(1).Select(l => l[..26]).ShouldBeInOrder(SortDirection.Ascending);

        var byTime = await CsvAsync(auditor, $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(from.AddSeconds(30).ToString("O"))}");
        byTime.Length.ShouldBe(2);
        byTime[1].ShouldContain(quake);

        var response = await auditor.GetAsync("/api/v1/audit/events.csv");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName!.ShouldContain("crisiscoord-timeline-");
    }

    [Fact]
    public async Task People_who_are_not_auditors_see_incident_timelines_but_never_the_registry()
    {
        var staff = await App.ClientAsAsync(Roles.AgencyStaff);
        await IncidentData.LogAsync(staff, IncidentData.ValidBody());
        await ResourceData.RegisterAsync(await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.CivicGroup), ResourceData.Water());
        var coordinator = await App.ClientAsAsync(Roles.Coordinator);

        var csv = await CsvAsync(coordinator, "");
        csv.Length.ShouldBe(2, "the incident's event only");
        csv.Skip(1).ShouldAllBe(l => !l.Contains(",registry,"));
        var page = await (await coordinator.GetAsync("/api/v1/audit/events")).Content.ReadFromJsonAsync<JsonObject>();
        page!["items"]!.AsArray().Select(e => e!["chain"]!.GetValue<string>()).ShouldNotContain("registry");

        (await coordinator.GetAsync("/api/v1/audit/events.csv?chain=registry")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await coordinator.GetAsync("/api/v1/audit/events?chain=registry")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await coordinator.GetAsync("/api/v1/audit/chains/registry/verify")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await coordinator.PostAsync("/api/v1/audit/checkpoints", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var auditorCsv = await CsvAsync(await App.ClientAsAsync(Roles.Auditor), "");
        auditorCsv.Count(l => l.Contains(",registry,")).ShouldBe(2, "reference data at start-up and the resource");
    }

    [Fact]
    public async Task Keyset_paging_returns_every_event_exactly_once_while_new_events_arrive()
    {
        var manager = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        foreach (var batch in Enumerable.Range(0, 6))
        {
            await Task.WhenAll(Enumerable.Range(0, 10).Select(i => ResourceData.RegisterAsync(manager, ResourceData.Water(batch * 10 + i + 1))));
            App.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var existing = (await TimelineData.EventsAsync(App.Database)).Select(e => e.Id.ToString()).ToHashSet();
        var auditor = await App.ClientAsAsync(Roles.Auditor);
        foreach (var order in new[] { "newest", "oldest" })
        {
            var seen = new List<string>();
            string? after = null;
            var arrivals = 0;
            do
            {
                var page = (await auditor.GetFromJsonAsync<JsonObject>($"/api/v1/audit/events?order={order}&limit=7{(after is null ? "" : "&after=" + after)}"))!;
                seen.AddRange(page["items"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()));
                after = page["nextCursor"]?.GetValue<string>();
                // New events keep arriving between pages.
                await ResourceData.RegisterAsync(manager, ResourceData.Water(++arrivals));
            }
            while (after is not null);

            seen.Count.ShouldBe(seen.Distinct().Count(), $"{order} first: an event came twice");
            existing.ShouldBeSubsetOf(seen, $"{order} first: an event that existed before paging began was skipped");
        }
    }

    [Theory]
    [InlineData("after=not-a-cursor", "after")]
    [InlineData("chain=nowhere", "chain")]
    [InlineData("order=sideways", "order")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1000", "limit")]
    [InlineData("from=2026-11-23T10:00:00Z&to=2026-11-23T09:00:00Z", "to")]
    [InlineData("from=yesterday", "from")]
    [InlineData("organisation=acme", "organisation")]
    public async Task Bad_filters_are_refused_with_the_field_named(string query, string field)
    {
        var auditor = await App.ClientAsAsync(Roles.Auditor);

        foreach (var path in new[] { "/api/v1/audit/events", "/api/v1/audit/events.csv" })
        {
            var response = await auditor.GetAsync($"{path}?{query}");
            if (path.EndsWith(".csv", StringComparison.Ordinal) && field is "after" or "limit")
            {
                continue; // the export has no paging
            }

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, path);
            var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
            problem!["errors"]!.AsObject().Select(e => e.Key).ShouldContain(field);
        }
    }

    [Fact]
    public async Task Verifying_an_unknown_chain_is_not_found_and_a_malformed_checkpoint_is_refused()
    {
        var auditor = await App.ClientAsAsync(Roles.Auditor);

        (await auditor.GetAsync($"/api/v1/audit/chains/{Guid.NewGuid()}/verify")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await auditor.GetAsync("/api/v1/audit/chains/nonsense/verify")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var bad = await auditor.PostAsJsonAsync("/api/v1/audit/chains/registry/verify", new JsonObject
        {
            ["chain"] = "registry",
            ["sequence"] = 0,
            ["hash"] = "xyz",
            ["takenAt"] = "2026-11-23T10:00:00Z",
            ["keyId"] = "k",
            ["algorithm"] = "HS256",
            ["signature"] = "%%%",
        });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key.ToLowerInvariant()).ToList();
        errors.ShouldContain("checkpoint.sequence");
        errors.ShouldContain("checkpoint.hash");
        errors.ShouldContain("checkpoint.algorithm");
        errors.ShouldContain("checkpoint.signature");
    }

    [Fact]
    public async Task Csv_export_neutralises_formulas_in_every_cell_and_still_verifies_offline()
    {
        const string hostileTitle = "=HYPERLINK(\"http://x\",\"y\")";
        var staff = await App.CreateAsync(Roles.AgencyStaff);
        await App.Database.ExecuteAsync($"UPDATE organisations SET name = '@SUM(1)' WHERE id = '{staff.OrganisationId}'");
        var chain = (await IncidentData.LogAsync(await App.ClientForAsync(staff), IncidentData.ValidBody(hostileTitle)))["id"]!.GetValue<string>();

        var response = await (await App.ClientAsAsync(Roles.Auditor)).GetAsync($"/api/v1/audit/events.csv?chain={chain}");
        var text = await response.Content.ReadAsStringAsync();
        var records = CrisisCoord.Application.Common.CsvReader.Read(text).Where(r => !r.IsBlank).ToList();
        var header = records[0].Fields.ToList();
        var row = records.Skip(1).ShouldHaveSingleItem().Fields;

        row[header.IndexOf("chain_title")].ShouldBe("'" + hostileTitle);
        row[header.IndexOf("actor_organisation")].ShouldBe("'@SUM(1)");
        row.ShouldAllBe(cell => cell.Length == 0 || !CrisisCoord.Application.Common.CsvCell.IsFormulaStart(cell[0]));
        row[header.IndexOf("payload")].ShouldStartWith("{", Case.Sensitive, "the hashed payload is written as stored");

        // The hashed columns still re-verify with nothing but the published script.
        var file = Path.Combine(Path.GetTempPath(), $"timeline-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, text);
        var script = Path.Combine(RepositoryRoot(), "docs", "verify-timeline-csv.py");
        using var python = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("python3", [script, file]) { RedirectStandardOutput = true })!;
        var verdict = await python.StandardOutput.ReadToEndAsync();
        await python.WaitForExitAsync();
        python.ExitCode.ShouldBe(0, verdict);
        verdict.ShouldContain($"OK      {chain}");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "CrisisCoord.sln")))
        {
            directory = directory.Parent ?? throw new InvalidOperationException("CrisisCoord.sln not found above the test binaries.");
        }

        return directory.FullName;
    }

    private static async Task<string[]> CsvAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/v1/audit/events.csv?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }
}
