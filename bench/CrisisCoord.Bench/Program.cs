using CrisisCoord.Bench;

// crisiscoord-bench COMMAND --name value ...: the .NET half of bench/run.sh (docs/PERFORMANCE.md, ADR 0027).
if (args.Length == 0)
{
    await Console.Error.WriteLineAsync("Usage: crisiscoord-bench generate|csv|ef-import|dashboard-timing|report --option value ...");
    return 2;
}

var options = Options.Parse(args.Skip(1));
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

switch (args[0])
{
    case "generate":
        await GenerateCommand.RunAsync(options["connection"], BenchScale.Named(options["scale"]), options["out"], options["password"], cancel.Token);
        return 0;
    case "csv":
        await ImportCommands.WriteCsvAsync(
            int.Parse(options["rows"], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(options["files"], System.Globalization.CultureInfo.InvariantCulture),
            options["out"],
            cancel.Token);
        return 0;
    case "ef-import":
        await ImportCommands.EfImportAsync(options["connection"], options["file"], Guid.Parse(options["organisation"]), cancel.Token);
        return 0;
    case "dashboard-timing":
        await DashboardTimingCommand.RunAsync(
            options["url"], options["email"], options["password"], options["chromium"],
            int.Parse(options.Optional("runs") ?? "3", System.Globalization.CultureInfo.InvariantCulture),
            options.Optional("selector") ?? DashboardTimingCommand.DefaultSelector);
        return 0;
    case "report":
        await ReportCommand.RunAsync(options["results"], options["facts"], options["out"], cancel.Token);
        return 0;
    default:
        await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'.");
        return 2;
}
