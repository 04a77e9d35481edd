using CrisisCoord.Domain.Incidents;

namespace CrisisCoord.Bench;

/// <summary>Plausible text of about the length people type, so rows and pages weigh what real ones would.</summary>
public static class Texts
{
    private static readonly string[] Places =
    [
        "Dongshan Town, Qing River levee", "Xiba Town market", "Liuzhuang Village school", "Qinghe North railway station",
        "Riverside Road bridge", "Hongshan chemical park", "Baiyang reservoir dam", "Jinkou ferry terminal", "Nanhu residential block",
        "Guanggu industrial estate", "Zhuankou logistics park", "Caidian hospital", "Hannan grain depot", "Xinzhou coal yard",
    ];

    private static readonly Dictionary<IncidentCategory, string[]> Titles = new()
    {
        [IncidentCategory.NaturalDisaster] = ["Flooding at", "Landslide near", "Levee seepage at", "Storm damage at", "Earthquake damage at"],
        [IncidentCategory.AccidentDisaster] = ["Chemical leak at", "Fire at", "Road collapse near", "Power failure at", "Gas explosion at"],
        [IncidentCategory.PublicHealth] = ["Suspected outbreak at", "Water contamination at", "Food poisoning at", "Heat illness cases at"],
        [IncidentCategory.SocialSecurity] = ["Crowd crush risk at", "Supply shortage at", "Evacuation disorder at", "Missing persons near"],
    };

    private static readonly string[] Tasks =
    [
        "Evacuate residents of the east bank", "Deliver drinking water to the shelter", "Inspect the levee from km 10 to km 14",
        "Set up a field clinic", "Clear the access road", "Pump out the underground car park", "Count the people in the school shelter",
        "Bring generators to the hospital", "Check the gas mains", "Open a second shelter",
    ];

    private static readonly string[] Lines =
    [
        "Water level at the gauge rose another {0} cm in the last hour.", "{0} residents moved to the school shelter.",
        "Road to the east bank is passable again for trucks under {0} t.", "Generator delivered; {0} litres of fuel on site.",
        "Medical team treated {0} people for minor injuries.", "Sandbag line extended by {0} m along the embankment.",
        "Shelter needs {0} more blankets before tonight.", "Second boat crew on standby at the ferry; {0} people still to reach.",
    ];

    public static string Place(Random random) => $"{Places[random.Next(Places.Length)]} km {random.Next(1, 40)}";

    public static string Title(IncidentCategory category, string place, Random random) =>
        $"{Titles[category][random.Next(Titles[category].Length)]} {place}";

    public static string Description(IncidentCategory category, Random random) =>
        $"Reported by phone and confirmed by a patrol: {category switch
        {
            IncidentCategory.NaturalDisaster => "water over the road and rising; several houses cut off",
            IncidentCategory.AccidentDisaster => "smoke visible from the ring road; the site manager is evacuating workers",
            IncidentCategory.PublicHealth => "a cluster of patients with the same symptoms at the township clinic",
            _ => "a crowd gathering faster than stewards can manage",
        }}. About {random.Next(10, 3_000)} people in the area; access from the north only.";

    public static string Task(Random random) => Tasks[random.Next(Tasks.Length)];

    public static string LogLine(Random random) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Lines[random.Next(Lines.Length)], random.Next(2, 400));

    public static string SitRep(Random random) => $"Situation since the last report: {LogLine(random)} {LogLine(random)}";
}
