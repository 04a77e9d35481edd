using CrisisCoord.Domain.Warnings;

namespace CrisisCoord.UnitTests.Domain;

public sealed class WarningGeometryTests
{
    // Wuhan and Beijing: about 1,050 km apart along the great circle.
    private const double WuhanLat = 30.5928, WuhanLon = 114.3055, BeijingLat = 39.9042, BeijingLon = 116.4074;

    /// <summary>A square about 22 km a side around Dongshan (30.5, 114.3), closed.</summary>
    private static readonly IReadOnlyList<LatLon> Square =
        [new(30.4, 114.2), new(30.4, 114.4), new(30.6, 114.4), new(30.6, 114.2), new(30.4, 114.2)];

    [Fact]
    public void Distance_between_two_cities_is_the_great_circle_distance()
    {
        GeoMath.DistanceKm(WuhanLat, WuhanLon, BeijingLat, BeijingLon).ShouldBe(1052, tolerance: 5);
        GeoMath.DistanceKm(0, 0, 0, 1).ShouldBe(111.2, tolerance: 0.1);
        GeoMath.DistanceKm(10, 20, 10, 20).ShouldBe(0);
    }

    [Fact]
    public void Distance_across_the_antimeridian_is_short()
    {
        GeoMath.DistanceKm(0, 179.9, 0, -179.9).ShouldBe(22.2, tolerance: 0.1);
    }

    [Fact]
    public void Circles_touch_when_their_centres_are_closer_than_the_radii_together()
    {
        var area = new WarningArea("Wuhan", new GeoCircle(WuhanLat, WuhanLon, 600), null);

        area.Touches(BeijingLat, BeijingLon, 460).ShouldBeTrue();
        area.Touches(BeijingLat, BeijingLon, 440).ShouldBeFalse();
    }

    [Fact]
    public void A_polygon_touches_a_circle_whose_centre_is_inside_it_however_small()
    {
        new WarningArea("Square", null, Square).Touches(30.5, 114.3, 0.01).ShouldBeTrue();
    }

    [Fact]
    public void A_polygon_touches_a_circle_that_reaches_one_of_its_edges()
    {
        var area = new WarningArea("Square", null, Square);

        // 0.1° north of the north edge is about 11.1 km away.
        area.Touches(30.7, 114.3, 12).ShouldBeTrue();
        area.Touches(30.7, 114.3, 10).ShouldBeFalse();
    }

    [Fact]
    public void A_polygon_far_away_does_not_touch()
    {
        new WarningArea("Square", null, Square).Touches(BeijingLat, BeijingLon, 100).ShouldBeFalse();
    }

    [Fact]
    public void A_circle_inside_a_concave_polygon_notch_is_outside_it()
    {
        // A U shape: the notch between the arms (around 30.55, 114.3) is not part of the area.
        IReadOnlyList<LatLon> u =
            [new(30.4, 114.2), new(30.4, 114.4), new(30.7, 114.4), new(30.7, 114.35), new(30.5, 114.35), new(30.5, 114.25), new(30.7, 114.25), new(30.7, 114.2), new(30.4, 114.2)];
        var area = new WarningArea("U", null, u);

        area.Touches(30.6, 114.3, 1).ShouldBeFalse();
        area.Touches(30.45, 114.3, 1).ShouldBeTrue();
    }

    [Theory]
    [InlineData("30.4,114.2 30.4,114.4 30.6,114.4 30.4,114.2", null)]
    [InlineData("30.4,114.2 30.4,114.4 30.6,114.4", "at least 4 points")]
    [InlineData("30.4,114.2 30.4,114.4 30.6,114.4 30.6,114.2", "must be closed")]
    [InlineData("30.4,114.2 30.4;114.4 30.6,114.4 30.4,114.2", "point 2")]
    [InlineData("30.4,114.2 95,114.4 30.6,114.4 30.4,114.2", "outside -90..90")]
    [InlineData("30.4,114.2 30.4,114.2 30.4,114.2 30.4,114.2", "three different points")]
    public void Polygons_are_read_in_the_cap_form_and_must_be_closed(string text, string? problem)
    {
        var (points, why) = WarningArea.ParsePolygon(text);

        if (problem is null)
        {
            why.ShouldBeNull();
            points!.Count.ShouldBe(4);
        }
        else
        {
            points.ShouldBeNull();
            why.ShouldNotBeNull().ShouldContain(problem);
        }
    }

    [Fact]
    public void Areas_are_written_in_the_cap_forms()
    {
        new WarningArea("c", new GeoCircle(30.5124, 114.2861, 12.5), null).CapCircle.ShouldBe("30.5124,114.2861 12.5");
        new WarningArea("p", null, Square).CapPolygon.ShouldBe("30.4,114.2 30.4,114.4 30.6,114.4 30.6,114.2 30.4,114.2");
    }
}
