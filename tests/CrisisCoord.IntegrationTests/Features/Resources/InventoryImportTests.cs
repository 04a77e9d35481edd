using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.Domain.Timeline;
using CrisisCoord.IntegrationTests.Features.Audit;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CrisisCoord.IntegrationTests.Features.Resources;

public sealed class InventoryImportTests(CrisisCoordApp app, ITestOutputHelper output) : AppTest(app)
{
    private const string Url = "/api/v1/resources/import";

    private static readonly string FirstFile = ResourceData.InventoryCsv(
        "drinking-water,1200,\"Red Cross depot, Qinghe North\",30.6012,114.3105,,,\"Bottled, 1.5 L\"",
        "blanket,350,Qinghe North school gym,30.6044,114.3121,2026-12-01T08:00:00+08:00,,",
        "tent,40,Warehouse 3,30.5871,114.2903,,2027-03-31T18:00:00+08:00,\"Family tents\nsleep 4\"");

    [Fact]
    public async Task A_good_file_registers_its_rows_and_a_second_upload_updates_them()
    {
        var manager = await App.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        var client = await App.ClientForAsync(manager);

        var first = await client.PostAsync(Url, ResourceData.CsvUpload(FirstFile, "depots-nov.csv"));

        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var counts = (await first.Content.ReadFromJsonAsync<JsonObject>())!;
        (counts["rows"]!.GetValue<int>(), counts["inserted"]!.GetValue<int>(), counts["updated"]!.GetValue<int>()).ShouldBe((3, 3, 0));
        await using (var db = App.Database.CreateContext())
        {
            var stored = await db.Resources.Where(r => r.OrganisationId == manager.OrganisationId).OrderBy(r => r.Quantity).ToListAsync();
            stored.Select(r => r.Quantity).ShouldBe([40m, 350m, 1200m]);
            stored[2].PlaceName.ShouldBe("Red Cross depot, Qinghe North");
            stored[2].Notes.ShouldBe("Bottled, 1.5 L");
            stored[0].Notes.ShouldBe("Family tents\nsleep 4");
            stored[1].AvailableFrom.ShouldBe(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        }

        Guid waterId;
        uint waterVersion;
        await using (var db = App.Database.CreateContext())
        {
            var water = await db.Resources.SingleAsync(r => r.Quantity == 1200);
            (waterId, waterVersion) = (water.Id, water.Version);
        }

        var eventsBefore = await TimelineData.EventsAsync(App.Database, TimelineChains.Registry);
        App.Clock.Advance(TimeSpan.FromHours(2));
        var second = await client.PostAsync(Url, ResourceData.CsvUpload(ResourceData.InventoryCsv(
            "drinking-water,900,\"RED CROSS DEPOT, QINGHE NORTH\",30.6013,114.3106,,,Half used",
            "tent,38,warehouse 3,30.5871,114.2903,,,",
            "generator,2,Warehouse 3,30.5871,114.2903,,,")));

        second.StatusCode.ShouldBe(HttpStatusCode.OK, await second.Content.ReadAsStringAsync());
        counts = (await second.Content.ReadFromJsonAsync<JsonObject>())!;
        (counts["rows"]!.GetValue<int>(), counts["inserted"]!.GetValue<int>(), counts["updated"]!.GetValue<int>()).ShouldBe((3, 1, 2));
        await using (var db = App.Database.CreateContext())
        {
            (await db.Resources.CountAsync()).ShouldBe(4);
            var water = await db.Resources.SingleAsync(r => r.Id == waterId);
            water.Quantity.ShouldBe(900);
            water.Latitude.ShouldBe(30.6013);
            water.Notes.ShouldBe("Half used");
            water.PlaceName.ShouldBe("Red Cross depot, Qinghe North", "the place keeps the spelling it was registered with");
            water.Version.ShouldNotBe(waterVersion, "an edit based on the old version must now be refused");
            water.LastConfirmedAt.ShouldBe(App.Clock.GetUtcNow(), TimeSpan.FromMilliseconds(1));
            (await db.Resources.SingleAsync(r => r.Quantity == 38)).AvailableUntil.ShouldBeNull();

            var imports = await db.InventoryImports.OrderBy(i => i.ImportedAt).ToListAsync();
            imports.Count.ShouldBe(2);
            imports[0].FileName.ShouldBe("depots-nov.csv");
            imports[0].Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(FirstFile))));
            (imports[1].RowCount, imports[1].InsertedCount, imports[1].UpdatedCount).ShouldBe((3, 1, 2));
            imports[1].ImportedBy.ShouldBe(manager.UserId);
            imports[1].OrganisationId.ShouldBe(manager.OrganisationId);
        }

        var added = (await TimelineData.EventsAsync(App.Database, TimelineChains.Registry)).Skip(eventsBefore.Count).ToList();
        var e = added.ShouldHaveSingleItem();
        e.Action.ShouldBe("ImportInventory");
        e.EntityType.ShouldBe("InventoryImport");
        e.ActorUserId.ShouldBe(manager.UserId);
        var change = JsonNode.Parse(e.Payload)!["changes"]!.AsArray().ShouldHaveSingleItem()!;
        change["entity"]!.GetValue<string>().ShouldBe("InventoryImport");
        change["change"]!.GetValue<string>().ShouldBe("added");
        change["values"]!["insertedCount"]!.GetValue<int>().ShouldBe(1);
        change["values"]!["updatedCount"]!.GetValue<int>().ShouldBe(2);
        change["values"]!["rowCount"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task A_raw_text_csv_body_is_accepted_too()
    {
        var client = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.Enterprise);
        var body = new StringContent(FirstFile, Encoding.UTF8, "text/csv");

        var response = await client.PostAsync($"{Url}?fileName=stock.csv", body);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await using var db = App.Database.CreateContext();
        (await db.Resources.CountAsync()).ShouldBe(3);
        (await db.InventoryImports.SingleAsync()).FileName.ShouldBe("stock.csv");
    }

    [Fact]
    public async Task Only_the_senders_own_organisation_is_changed()
    {
        var other = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        (await other.PostAsync(Url, ResourceData.CsvUpload(FirstFile))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var manager = await App.CreateAsync(Roles.ResourceManager, OrganisationKind.Enterprise);

        var response = await (await App.ClientForAsync(manager)).PostAsync(Url, ResourceData.CsvUpload(FirstFile.Replace("1200", "5")));

        (await response.Content.ReadFromJsonAsync<JsonObject>())!["inserted"]!.GetValue<int>().ShouldBe(3);
        await using var db = App.Database.CreateContext();
        (await db.Resources.CountAsync(r => r.OrganisationId == manager.OrganisationId)).ShouldBe(3);
        (await db.Resources.CountAsync(r => r.Quantity == 1200)).ShouldBe(1, "the other organisation's water is untouched");
    }

    [Fact]
    public async Task Two_uploads_of_the_same_new_rows_at_once_register_each_resource_once()
    {
        var client = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        var csv = ResourceData.InventoryCsv(Rows(2_000));

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.PostAsync(Url, ResourceData.CsvUpload(csv))));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var counts = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonObject>())!));
        counts.Sum(c => c["inserted"]!.GetValue<int>()).ShouldBe(2_000);
        counts.Sum(c => c["updated"]!.GetValue<int>()).ShouldBe(4_000);
        await using var db = App.Database.CreateContext();
        (await db.Resources.CountAsync()).ShouldBe(2_000);
    }

    [Fact]
    public async Task The_import_page_is_offered_to_resource_managers_and_refused_to_others()
    {
        var manager = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup));
        var staff = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.AgencyStaff));

        var (_, managersList) = await manager.GetAsync("/Resources");
        var (_, staffList) = await staff.GetAsync("/Resources");
        var (refused, _) = await staff.GetAsync("/Resources/Import");

        managersList.QuerySelector("a[href='/Resources/Import']").ShouldNotBeNull();
        staffList.QuerySelector("a[href='/Resources/Import']").ShouldBeNull();
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Fact]
    public async Task A_file_with_bad_rows_lists_every_one_by_row_and_column_and_writes_nothing()
    {
        var manager = await App.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        var client = await App.ClientForAsync(manager);
        await ResourceData.RegisterAsync(client, ResourceData.Water(200));
        var eventsBefore = (await TimelineData.EventsAsync(App.Database)).Count;

        var response = await client.PostAsync(Url, ResourceData.CsvUpload(ResourceData.InventoryCsv(
            "drinking-water,100,Depot A,30.6,114.3,,,",
            "drinking-water,\"12,5\",Depot B,30.6,114.3,,,",
            "unicorn,1,Depot C,30.6,114.3,,,",
            "tent,1,Depot D,91,114.3,2026-12-02T00:00:00Z,2026-12-01T00:00:00Z,")));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var errors = problem["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["row 3.quantity", "row 4.type", "row 5.latitude", "row 5.available_until"], ignoreOrder: true);
        errors["row 3.quantity"]![0]!.GetValue<string>().ShouldBe("Row 3, column quantity: \"12,5\" is not a number; use a dot for decimals.");
        errors["row 4.type"]![0]!.GetValue<string>().ShouldContain("\"unicorn\" is not a resource type");
        var rows = problem["rowErrors"]!.AsArray();
        rows.Count.ShouldBe(4);
        rows[0]!["row"]!.GetValue<int>().ShouldBe(3);
        rows[0]!["column"]!.GetValue<string>().ShouldBe("quantity");
        rows[0]!["message"]!.GetValue<string>().ShouldStartWith("Row 3, column quantity:");

        await using var db = App.Database.CreateContext();
        (await db.Resources.SingleAsync()).Quantity.ShouldBe(200);
        (await db.InventoryImports.CountAsync()).ShouldBe(0);
        (await TimelineData.EventsAsync(App.Database)).Count.ShouldBe(eventsBefore);
    }

    [Fact]
    public async Task A_file_larger_than_the_limit_is_refused_with_the_limit_named()
    {
        var client = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        var big = new StringBuilder(ResourceData.InventoryHeader).Append("\r\n");
        for (var i = 0; big.Length <= 5 * 1024 * 1024; i++)
        {
            big.Append(CultureInvariant($"tent,1,Field {i} with a long name to fill the file quickly,30.6,114.3,,,{new string('n', 200)}\r\n"));
        }

        var response = await client.PostAsync(Url, ResourceData.CsvUpload(big.ToString()));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        problem["errors"]!["file"]![0]!.GetValue<string>().ShouldContain("larger than 5 MB");
        await using var db = App.Database.CreateContext();
        (await db.Resources.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_file_with_more_rows_than_the_limit_is_refused_with_the_limit_named()
    {
        var client = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);

        var response = await client.PostAsync(Url, ResourceData.CsvUpload(ResourceData.InventoryCsv(Rows(20_001))));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var message = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["file"]![0]!.GetValue<string>();
        message.ShouldContain("more than");
        message.ShouldContain("rows, the most that can be imported at once");
        await using var db = App.Database.CreateContext();
        (await db.Resources.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_body_that_is_not_csv_or_a_form_is_415()
    {
        var client = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);

        var response = await client.PostAsJsonAsync(Url, new { type = "tent" });

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldContain("text/csv");
    }

    [Theory]
    [InlineData("image/png")]
    [InlineData("text/csv")]
    public async Task A_picture_renamed_to_csv_is_400_not_a_server_error(string declaredType)
    {
        var client = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00];

        var response = await client.PostAsync(Url, ResourceData.Upload(png, "inventory.csv", declaredType));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["file"]![0]!.GetValue<string>().ShouldContain("not a CSV file");
    }

    [Fact]
    public async Task A_form_without_a_file_or_with_an_empty_one_is_400()
    {
        var client = await App.ClientAsAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);

        var none = await client.PostAsync(Url, new MultipartFormDataContent { { new StringContent("x"), "other" } });
        var empty = await client.PostAsync(Url, ResourceData.CsvUpload(""));
        var broken = await client.PostAsync(Url, new StringContent("--x\r\nnot a form", Encoding.UTF8, "multipart/form-data"));

        none.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await none.Content.ReadAsStringAsync()).ShouldContain("Choose a CSV file");
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.Content.ReadAsStringAsync()).ShouldContain("The file is empty");
        broken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(Roles.Citizen, OrganisationKind.Citizen)]
    [InlineData(Roles.AgencyStaff, OrganisationKind.Government)]
    [InlineData(Roles.Coordinator, OrganisationKind.Government)]
    [InlineData(Roles.Auditor, OrganisationKind.Government)]
    public async Task Other_roles_are_refused(string role, OrganisationKind kind)
    {
        var client = await App.ClientAsAsync(role, kind);

        var response = await client.PostAsync(Url, ResourceData.CsvUpload(FirstFile));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = App.Database.CreateContext();
        (await db.Resources.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Ten_thousand_rows_are_imported_and_then_updated_in_bulk()
    {
        var manager = await App.CreateAsync(Roles.ResourceManager, OrganisationKind.Enterprise);
        var client = await App.ClientForAsync(manager);
        var csv = ResourceData.InventoryCsv(Rows(10_000));

        var clock = Stopwatch.StartNew();
        var response = await client.PostAsync(Url, ResourceData.CsvUpload(csv));
        var inserting = clock.Elapsed;
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["inserted"]!.GetValue<int>().ShouldBe(10_000);

        clock.Restart();
        var again = await client.PostAsync(Url, ResourceData.CsvUpload(csv.Replace(",7,", ",8,")));
        var updating = clock.Elapsed;
        again.StatusCode.ShouldBe(HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
        (await again.Content.ReadFromJsonAsync<JsonObject>())!["updated"]!.GetValue<int>().ShouldBe(10_000);

        output.WriteLine($"10 000 rows ({csv.Length / 1024} KB): inserted in {inserting.TotalMilliseconds:0} ms, updated in {updating.TotalMilliseconds:0} ms");
        await using var db = App.Database.CreateContext();
        (await db.Resources.CountAsync(r => r.OrganisationId == manager.OrganisationId)).ShouldBe(10_000);
        (await db.Resources.CountAsync(r => r.Quantity == 8)).ShouldBe(10_000);
        (await db.Resources.Select(r => r.Id).Distinct().CountAsync()).ShouldBe(10_000);
    }

    [Fact]
    public async Task The_import_page_offers_an_example_file_that_imports_cleanly()
    {
        var manager = await App.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        var pages = await PageClient.SignedInAsync(App, manager);

        var example = await pages.Http.GetAsync("/Resources/Import?handler=Example");

        example.StatusCode.ShouldBe(HttpStatusCode.OK);
        example.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await example.Content.ReadAsByteArrayAsync();
        var response = await (await App.ClientForAsync(manager)).PostAsync(Url, ResourceData.Upload(bytes, "inventory-example.csv", "text/csv"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static string[] Rows(int count) =>
        [.. Enumerable.Range(0, count).Select(i => CultureInvariant($"tent,7,Field {i},{30 + (i % 100 / 1000.0)},114.3,,,"))];

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
