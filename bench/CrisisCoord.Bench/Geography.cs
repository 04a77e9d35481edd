namespace CrisisCoord.Bench;

/// <summary>
/// Places in the demo province around Qinghe (30.6° N, 114.3° E): most around a few towns, as a flood or an
/// earthquake gathers reports, the rest anywhere within about 80 km, so a map has clusters to draw.
/// </summary>
public static class Geography
{
    private static readonly (double Lat, double Lon)[] Hotspots =
    [
        (30.5928, 114.3055), (30.5098, 114.2840), (30.6893, 114.1022), (30.7342, 114.0513),
        (30.4500, 114.5200), (30.8700, 114.3700), (30.3600, 114.0900), (30.6200, 114.6800),
    ];

    public static (double Lat, double Lon) Near(Random random)
    {
        if (random.NextDouble() < 0.3)
        {
            return (29.9 + (random.NextDouble() * 1.4), 113.5 + (random.NextDouble() * 1.6));
        }

        var (lat, lon) = Hotspots[random.Next(Hotspots.Length)];
        return (lat + (Gaussian(random) * 0.06), lon + (Gaussian(random) * 0.07));
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
