using System.Text.Json.Nodes;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;

namespace CrisisCoord.IntegrationTests.Features.Organisations;

/// <summary>Organisations stored directly, and valid API bodies to start from.</summary>
public static class OrganisationData
{
    public static async Task<Organisation> StoreAsync(
        TestDatabase database, string name, OrganisationKind kind, AdministrativeLevel level, string area)
    {
        await using var db = database.CreateContext();
        var organisation = Organisation.Register(
            name, kind, level, area, new OrganisationContact("Duty desk", "+86 27 0000 0000", "duty@example.org"), null, DateTimeOffset.UtcNow);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation;
    }

    public static JsonObject ValidBody(string name = "Nanhu Volunteer Fire Brigade") => new()
    {
        ["name"] = name,
        ["kind"] = "CivicGroup",
        ["level"] = "Town",
        ["areaName"] = "Nanhu Town",
        ["contactName"] = "Brigade chief",
        ["contactPhone"] = "+86 27 0000 5001",
        ["contactEmail"] = "chief@nanhu-fire.example",
    };
}
