namespace CrisisCoord.Domain.Resources;

/// <summary>An entry in the catalogue of resource types, with the unit its quantities are counted in.</summary>
public sealed class ResourceType
{
    public const int CodeMaxLength = 64;
    public const int NameMaxLength = 100;
    public const int UnitMaxLength = 32;

    private ResourceType()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Stable, URL-safe key such as "rescue-boat"; clients may use it instead of the id.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>What one of the quantity counts: "boat", "litre", "bed".</summary>
    public string Unit { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>"1,500", "2.5": thousands grouped, decimals only when there are some.</summary>
    public static string Quantity(decimal quantity) =>
        quantity.ToString(quantity == decimal.Truncate(quantity) ? "#,0" : "#,0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"1 boat", "6 boats", "200 litres", "35 people".</summary>
    public static string Amount(decimal quantity, string unit) =>
        $"{Quantity(quantity)} {(quantity == 1 ? unit : unit == "person" ? "people" : unit + "s")}";

    /// <summary>Units that measure an amount rather than count things: "5,000 litres of drinking water".</summary>
    private static readonly HashSet<string> Measures = new(StringComparer.OrdinalIgnoreCase)
    {
        "litre", "liter", "millilitre", "kg", "kilogram", "gram", "tonne", "ton", "metre", "meter", "cubic metre", "m3", "hour", "kWh",
    };

    /// <summary>
    /// So many of a type, as people say it: things are counted by name ("600 shelter beds", "3 excavators"),
    /// amounts by their measure ("5,000 litres of drinking water").
    /// </summary>
    public static string Describe(decimal quantity, string unit, string name) =>
        Measures.Contains(unit)
            ? $"{Amount(quantity, unit)} of {name.ToLowerInvariant()}"
            : Amount(quantity, name.ToLowerInvariant());

    public static ResourceType Define(string code, string name, string unit, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Code = code.Trim().ToLowerInvariant(),
        Name = name.Trim(),
        Unit = unit.Trim(),
        CreatedAt = now.ToUniversalTime(),
    };

    /// <summary>The catalogue every deployment starts with.</summary>
    public static IReadOnlyList<(string Code, string Name, string Unit)> Standard { get; } =
    [
        ("rescue-boat", "Rescue boat", "boat"),
        ("ambulance", "Ambulance", "vehicle"),
        ("fire-engine", "Fire engine", "vehicle"),
        ("truck", "Cargo truck", "vehicle"),
        ("excavator", "Excavator", "machine"),
        ("crane", "Mobile crane", "machine"),
        ("generator", "Generator", "unit"),
        ("water-pump", "Water pump", "unit"),
        ("shelter-bed", "Shelter bed", "bed"),
        ("tent", "Family tent", "tent"),
        ("blanket", "Blanket", "blanket"),
        ("drinking-water", "Drinking water", "litre"),
        ("food-ration", "Food ration", "ration"),
        ("medical-kit", "First-aid kit", "kit"),
        ("medical-team", "Medical team", "team"),
        ("search-rescue-team", "Search and rescue team", "team"),
        ("volunteer", "Volunteer", "person"),
        ("sandbag", "Sandbag", "bag"),
    ];
}
