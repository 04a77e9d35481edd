using System.Globalization;
using System.Text;

namespace CrisisCoord.Bench;

/// <summary>
/// <c>report</c>: turns what bench/run.sh measured (<c>results.tsv</c>, one line per run, and <c>facts.env</c>) into
/// the tables of docs/PERFORMANCE.md: every scenario with its ratio to its baseline, and every target of issue 14 as
/// met or missed. Only the text between the markers is replaced, so the analysis written around it stays.
/// </summary>
public static class ReportCommand
{
    public const string Begin = "<!-- bench:begin — written by bench/run.sh; edit outside these markers -->";
    public const string End = "<!-- bench:end -->";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task RunAsync(string resultsPath, string factsPath, string output, CancellationToken ct)
    {
        var runs = (await File.ReadAllLinesAsync(resultsPath, ct)).Skip(1).Where(l => l.Length > 0).Select(Run.Parse).ToList();
        var facts = (await File.ReadAllLinesAsync(factsPath, ct))
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        var section = Write(runs, facts);
        var text = File.Exists(output) ? await File.ReadAllTextAsync(output, ct) : "";
        var (start, end) = (text.IndexOf(Begin, StringComparison.Ordinal), text.IndexOf(End, StringComparison.Ordinal));
        text = start >= 0 && end > start
            ? string.Concat(text.AsSpan(0, start), section, text.AsSpan(end + End.Length))
            : text + (text.Length > 0 ? "\n" : "") + section + "\n";
        await File.WriteAllTextAsync(output, text, ct);
    }

    private static string Write(List<Run> runs, Dictionary<string, string> facts)
    {
        string Fact(string key) => facts.GetValueOrDefault(key, "?");
        var md = new StringBuilder();
        md.AppendLine(Begin);
        md.AppendLine(Invariant, $"### Run of {Fact("RUN_DATE")} (commit {Fact("RUN_COMMIT")}, {Fact("RUN_SCALE")} scale)");
        md.AppendLine();
        md.AppendLine(Invariant, $"Command: `{Fact("RUN_COMMAND")}` — {Fact("RUN_DURATION")} s per run, after {Fact("RUN_WARMUP")} s of warm-up per scenario.");
        md.AppendLine();
        md.AppendLine(Invariant, $"Machine: {Fact("MACHINE_CPU")}, {Fact("MACHINE_CORES")} cores, {Fact("MACHINE_RAM")} RAM, Linux {Fact("MACHINE_KERNEL")}; " +
            $"{Fact("MACHINE_POSTGRES")}; .NET {Fact("MACHINE_DOTNET")}; {Fact("MACHINE_WRK")}; {Fact("MACHINE_CHROMIUM")}. " +
            $"Load average when the run started: {Fact("MACHINE_LOAD")} (the machine is shared: compare ratios, not absolute figures).");
        md.AppendLine();
        md.AppendLine(Invariant, $"Data (binary COPY, {Fact("GENERATE_SECONDS")} s): {Fact("DATA_INCIDENTS")} incidents ({Fact("DATA_OPEN")} open), " +
            $"{Fact("DATA_EVENTS")} timeline events in valid chains (busiest incident {Fact("DATA_BUSIEST_EVENTS")}, typical {Fact("DATA_TYPICAL_EVENTS")}), " +
            $"{Fact("DATA_ORGANISATIONS")} organisations, {Fact("DATA_RESOURCES")} resources, {Fact("DATA_TASKS")} open tasks to assign. " +
            $"Chains verified after the run: {Fact("CHAINS")}.");
        md.AppendLine();

        md.AppendLine("#### Baselines");
        md.AppendLine();
        md.AppendLine("| baseline | c | req/s | p50 ms | p99 ms | statements/req | peak RSS MB | × pgbench | errors |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in runs.Where(r => r.IsBaseline && r.Variant != "half"))
        {
            var reference = Find(runs, r.Baseline, r.Variant);
            md.AppendLine(Invariant, $"| {r.Label} | {r.Connections} | {N(r.Rps)} | {D(r.P50)} | {D(r.P99)} | {D(r.Statements)} | {N(r.RssMb)} | {Ratio(r.Rps, reference?.Rps)} | {r.Errors + r.Non2xx} |");
        }

        md.AppendLine();
        md.AppendLine("#### Scenarios");
        md.AppendLine();
        md.AppendLine("Round trips are the portal's own count for one request (`X-Db-Round-Trips`, `Diagnostics:RoundTrips=true`); statements are");
        md.AppendLine("`pg_stat_statements` calls by the portal's login during the run ÷ requests. × baseline is req/s ÷ the baseline's req/s at the same c");
        md.AppendLine("(INSERT: the minimal endpoint's one-row INSERT; SELECT: its page of 20). — means no request completed within the run;");
        md.AppendLine("\"one request\" is the time of that second request alone, on an otherwise idle portal.");
        md.AppendLine();
        md.AppendLine("| scenario | c | req/s | p50 ms | p99 ms | × baseline | one request ms | round trips | statements/req | response bytes | peak RSS MB | errors |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in runs.Where(r => !r.IsBaseline && r.Variant != "half"))
        {
            var baseline = Find(runs, r.Baseline, r.Variant);
            md.AppendLine(Invariant,
                $"| {r.Label} | {r.Connections} | {N(r.Rps)} | {D(r.P50)} | {D(r.P99)} | {Ratio(r.Rps, baseline?.Rps)} {Short(r.Baseline)} | {D(r.OneRequestMs)} | {r.RoundTrips} | {D(r.Statements)} | {N(r.Bytes)} | {N(r.RssMb)} | {r.Errors + r.Non2xx} |");
        }

        var half = runs.Where(r => r.Variant == "half").ToList();
        if (half.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("#### At half the peak rate");
            md.AppendLine();
            md.AppendLine("32 connections, each pausing between requests so that together they offer half the c=32 rate (wrk's `delay()`).");
            md.AppendLine();
            md.AppendLine("| scenario | offered req/s | achieved req/s | p50 ms | p99 ms | p99 ≤ 50 ms | errors |");
            md.AppendLine("|---|---|---|---|---|---|---|");
            foreach (var r in half)
            {
                var peak = Find(runs, r.Scenario, "c32");
                md.AppendLine(Invariant, $"| {r.Label} | {N(peak?.Rps / 2)} | {N(r.Rps)} | {D(r.P50)} | {D(r.P99)} | {(r.P99 <= 50 ? "yes" : "**no**")} | {r.Errors + r.Non2xx} |");
            }
        }

        md.AppendLine();
        md.AppendLine("#### Browser and import");
        md.AppendLine();
        md.AppendLine(Invariant, $"- Dashboard in Chromium as the coordinator, {Fact("DATA_OPEN")} open incidents (median of {Fact("DASHBOARD_RUNS")} loads after one warm-up): " +
            $"interactive at **{Fact("DASHBOARD_MS")} ms** (load event ended {Fact("DASHBOARD_LOAD_MS")} ms, markers drawn {Fact("DASHBOARD_MARKERS_MS")} ms); " +
            $"HTML {Fact("DASHBOARD_HTML_BYTES")} bytes; {Fact("DASHBOARD_ELEMENTS")} marker elements on the map.");
        md.AppendLine(Invariant, $"- Inventory import of {Fact("IMPORT_ROWS")} new rows, median of {Fact("IMPORT_RUNS")}: `POST /api/v1/resources/import` **{Fact("IMPORT_API_MS")} ms** " +
            $"(runs: {Fact("IMPORT_API_ALL")}); the same rows through EF `AddRange` + `SaveChanges` {Fact("IMPORT_EF_MS")} ms; plain binary COPY of them {Fact("IMPORT_COPY_MS")} ms.");
        md.AppendLine();

        md.AppendLine("#### Targets (issue 14)");
        md.AppendLine();
        md.AppendLine("| target | measured | met |");
        md.AppendLine("|---|---|---|");
        foreach (var (target, measured, met) in Targets(runs, facts))
        {
            md.AppendLine(Invariant, $"| {target} | {measured} | {(met switch { true => "met", false => "**missed**", null => "not measured" })} |");
        }

        md.Append(End);
        return md.ToString();
    }

    private static IEnumerable<(string Target, string Measured, bool? Met)> Targets(List<Run> runs, Dictionary<string, string> facts)
    {
        var post1 = Find(runs, "post-incident", "c1");
        var post32 = Find(runs, "post-incident", "c32");
        var insert32 = Find(runs, "minimal-insert", "c32");
        var select32 = Find(runs, "minimal-select", "c32");
        var dashboard1 = Find(runs, "api-dashboard", "c1");
        var dashboard32 = Find(runs, "api-dashboard", "c32");

        yield return Compare("Incident POST at c=32 ≥ 0.5× the minimal INSERT endpoint", post32?.Rps, insert32?.Rps, 0.5);
        var trips = post1?.RoundTrips is { } t && double.TryParse(t, Invariant, out var n) ? n : (double?)null;
        yield return ("Incident POST: at most 4 round trips", trips is null ? "not reported by this build" : $"{trips:0}", trips is null ? null : trips <= 4);
        yield return Compare("Incident POST: c=32 throughput ≥ 3× c=1", post32?.Rps, post1?.Rps, 3);

        var half = runs.Where(r => r.Variant == "half").ToList();
        // A run in which no request completed has no p99 (NaN): it is a miss, not a pass.
        var slow = half.Where(r => !(r.P99 <= 50)).Select(r => $"{r.Label} {(double.IsNaN(r.P99) ? "none completed" : $"{D(r.P99)} ms")}").ToList();
        yield return ("p99 ≤ 50 ms at half the peak rate, every scenario",
            half.Count == 0 ? "no half-rate runs" : slow.Count == 0 ? $"worst {D(half.Max(r => r.P99))} ms" : string.Join("; ", slow),
            half.Count == 0 ? null : slow.Count == 0);

        var bytes = dashboard1?.Bytes;
        yield return ("Dashboard JSON ≤ 100 KB at 2,000 open incidents", bytes is null ? "?" : $"{bytes / 1024:0.0} KB at {facts.GetValueOrDefault("DATA_OPEN")} open", bytes is null ? null : bytes <= 100 * 1024);
        // When no request completed within the c=1 run, the one request timed alone is the one user's time.
        var alone = dashboard1 is { P50: var p } && !double.IsNaN(p) ? p : dashboard1?.OneRequestMs;
        yield return ("Dashboard ≤ 50 ms p50 for one user (`GET /api/v1/dashboard`, c=1)",
            alone is null || double.IsNaN(alone.Value) ? "not measured" : $"{D(alone)} ms{(alone == dashboard1?.P50 ? "" : " (one request; none completed within the c=1 run)")}",
            alone is null || double.IsNaN(alone.Value) ? null : alone <= 50);
        yield return Compare("Dashboard at c=32 ≥ 0.3× the minimal SELECT endpoint", dashboard32?.Rps, select32?.Rps, 0.3);
        var browser = double.TryParse(facts.GetValueOrDefault("DASHBOARD_MS"), Invariant, out var ms) ? ms : (double?)null;
        yield return ("Dashboard page interactive within 1 s in Chromium", browser is null ? "not measured" : $"{browser:0} ms", browser is null ? null : browser <= 1000);

        yield return Compare("Timeline page at depth 1,000,000 ≤ 1.2× the first page (p50, c=1)", Find(runs, "api-timeline-deep", "c1")?.P50, Find(runs, "api-timeline-first", "c1")?.P50, 1.2, atMost: true, $"depth {facts.GetValueOrDefault("DATA_EVENTS")}");
        yield return Compare("Incident page of the busiest incident ≤ 1.2× a typical one (p50, c=1)", Find(runs, "page-incident-busiest", "c1")?.P50, Find(runs, "page-incident-typical", "c1")?.P50, 1.2, atMost: true,
            $"{facts.GetValueOrDefault("DATA_BUSIEST_EVENTS")} events against {facts.GetValueOrDefault("DATA_TYPICAL_EVENTS")}");

        var ef = double.TryParse(facts.GetValueOrDefault("IMPORT_EF_MS"), Invariant, out var e) ? e : (double?)null;
        var api = double.TryParse(facts.GetValueOrDefault("IMPORT_API_MS"), Invariant, out var a) ? a : (double?)null;
        yield return ("Import through COPY ≥ 10× EF AddRange + SaveChanges (EF time ÷ import time)", Ratio(ef, api), ef is null || api is null ? null : ef / api >= 10);

        var portal32 = runs.Where(r => r.Variant == "c32" && !r.IsBaseline).ToList();
        var peak = portal32.Count == 0 ? (double?)null : portal32.Max(r => r.RssMb);
        yield return ("Peak RSS ≤ 400 MB under the c=32 runs", $"{N(peak)} MB", peak is null ? null : peak <= 400);
    }

    private static (string, string, bool?) Compare(string target, double? value, double? reference, double bound, bool atMost = false, string? about = null)
    {
        if (value is null || reference is null || reference == 0 || double.IsNaN(value.Value) || double.IsNaN(reference.Value))
        {
            return (target, "not measured", null);
        }

        var ratio = value.Value / reference.Value;
        return (target, string.Create(Invariant, $"{ratio:0.00}×{(about is null ? "" : $" ({about})")}"), atMost ? ratio <= bound : ratio >= bound);
    }

    private static string Short(string baseline) => baseline switch
    {
        "minimal-insert" => "INSERT",
        "minimal-select" => "SELECT",
        _ => baseline,
    };

    private static Run? Find(List<Run> runs, string scenario, string variant) =>
        runs.FirstOrDefault(r => r.Scenario == scenario && r.Variant == variant);

    private static string Ratio(double? value, double? reference) =>
        value is null || reference is null || reference == 0 ? "—" : string.Create(Invariant, $"{value / reference:0.00}×");

    private static string N(double? value) => value is null || double.IsNaN(value.Value) ? "—" : value.Value.ToString("#,0", Invariant);

    private static string D(double? value) => value is null || double.IsNaN(value.Value) ? "—" : value.Value.ToString(value < 10 ? "0.00" : "0.0", Invariant);

    /// <summary>One line of results.tsv (see bench/run.sh); "-" where a figure does not apply.</summary>
    private sealed record Run(
        string Scenario, string Label, string Variant, int Connections, double Rps, double P50, double P99,
        long Errors, long Non2xx, string RoundTrips, double Statements, double RssMb, double Bytes, string Baseline, double OneRequestMs)
    {
        /// <summary>pgbench and the minimal endpoint: what the portal's scenarios are measured against.</summary>
        public bool IsBaseline => Scenario.StartsWith("pgbench-", StringComparison.Ordinal) || Scenario.StartsWith("minimal-", StringComparison.Ordinal);

        public static Run Parse(string line)
        {
            var f = line.Split('\t');
            double Num(int i) => i < f.Length && double.TryParse(f[i], Invariant, out var v) ? v : double.NaN;
            return new Run(f[0], f[1], f[2], int.Parse(f[3], Invariant), Num(4), Num(5), Num(6), long.Parse(f[7], Invariant), long.Parse(f[8], Invariant), f[9], Num(10), Num(11), Num(12), f[13], Num(14));
        }
    }
}
