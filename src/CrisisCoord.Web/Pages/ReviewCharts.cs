using CrisisCoord.Application.Features.Reviews;
using CrisisCoord.Application.Localization;

namespace CrisisCoord.Web.Pages;

/// <summary>One segment of a bar: its name (for the legend and the tooltip), its size, and its colour's class.</summary>
public sealed record ChartSegment(string Name, double Value, string Class);

/// <summary>One labelled bar, with what it says in words at its end.</summary>
public sealed record ChartBar(string Label, IReadOnlyList<ChartSegment> Segments, string ValueText);

/// <summary>
/// A horizontal bar chart drawn as SVG on the server (_BarChart.cshtml): no script, text encoded by Razor,
/// its title and a description in words for screen readers, and the same in print.
/// </summary>
public sealed record BarChart(string Id, string Title, string Description, IReadOnlyList<ChartBar> Bars, double Scale, IReadOnlyList<ChartSegment> Legend)
{
    public const int Width = 640;
    public const int LabelWidth = 170;
    public const int ValueWidth = 110;
    public const int BarHeight = 22;
    public const int Gap = 12;

    public int Height => Math.Max(1, Bars.Count) * (BarHeight + Gap) + Gap;

    /// <summary>How wide a value draws, in SVG units.</summary>
    public double Length(double value) => Scale <= 0 ? 0 : value / Scale * (Width - LabelWidth - ValueWidth);

    private static readonly string[] KindClasses = ["series-1", "series-2", "series-3", "series-4"];

    /// <summary>Share of tasks and commitments by kind of organisation, one 100 % bar per phase.</summary>
    public static BarChart Balance(IReadOnlyList<PhaseBalance> phases)
    {
        var kinds = Enum.GetValues<Domain.Organisations.OrganisationKind>();
        var legend = kinds.Select((k, i) => new ChartSegment(Display.Kind(k), 0, KindClasses[i % KindClasses.Length])).ToList();
        var bars = phases.Select(p => new ChartBar(
                Texts.Format("Review.Chart.PhaseBar", Display.Phase(p.Phase)),
                [.. p.Kinds.Select(k => new ChartSegment(
                    Texts.Format("Review.Chart.KindShare", Display.Kind(k.Kind), Tasks(k.Tasks), Commitments(k.Commitments)),
                    p.Total == 0 ? 0 : (k.Tasks + k.Commitments) * 100.0 / p.Total,
                    KindClasses[Array.IndexOf(kinds, k.Kind) % KindClasses.Length]))],
                p.Total == 0 ? Texts.Get("Review.Chart.NoWork") : Texts.Format("Review.Chart.InAll", p.Total)))
            .ToList();
        var description = string.Join(Texts.Get("Review.Chart.Separator"), phases.Select(p => p.Total == 0
            ? Texts.Format("Review.Chart.PhaseNoWork", Display.Phase(p.Phase))
            : Texts.Format("Review.Chart.PhaseShares", Display.Phase(p.Phase), string.Join(Texts.Get("Review.Chart.ListSeparator"), p.Kinds.Select(k =>
                Texts.Format("Review.Chart.KindPercent", Display.Kind(k.Kind), Math.Round((k.Tasks + k.Commitments) * 100.0 / p.Total)))))));
        return new BarChart("balance-chart", Texts.Get("Review.Chart.BalanceTitle"), Texts.Format("Review.Chart.End", description), bars, 100, legend);
    }

    /// <summary>"1 task", "3 tasks" in the reader's language.</summary>
    private static string Tasks(int count) => count == 1 ? Texts.Get("Review.Chart.OneTask") : Texts.Format("Review.Chart.Tasks", count);

    private static string Commitments(int count) => count == 1 ? Texts.Get("Review.Chart.OneCommitment") : Texts.Format("Review.Chart.Commitments", count);

    /// <summary>A label that fits left of the bars; the full name is in the bar's title and the chart's description.</summary>
    private static string Shortened(string label) => label.Length <= 24 ? label : label[..23] + "…";

    /// <summary>Average time each organisation took to accept or decline the tasks given to it.</summary>
    public static BarChart Acknowledge(IReadOnlyList<AcknowledgeTime> times)
    {
        var bars = times.Select(t => new ChartBar(
                Shortened(t.Organisation),
                [new ChartSegment(Texts.Format("Review.Chart.AverageOver", t.Organisation, Display.Span(t.Average), Tasks(t.Tasks)), t.Average.TotalMinutes, "series-1")],
                Display.Span(t.Average)))
            .ToList();
        var description = times.Count == 0
            ? Texts.Get("Review.Chart.NoAcknowledge")
            : Texts.Format("Review.Chart.End", string.Join(Texts.Get("Review.Chart.Separator"), times.Select(t =>
                Texts.Format("Review.Chart.AcknowledgeLine", t.Organisation, Display.Span(t.Average), Display.Span(t.Longest), Tasks(t.Tasks)))));
        return new BarChart("acknowledge-chart", Texts.Get("Review.Chart.AcknowledgeTitle"), description, bars,
            times.Count == 0 ? 0 : times.Max(t => t.Average.TotalMinutes), []);
    }
}
