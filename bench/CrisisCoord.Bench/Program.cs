using System.Globalization;

namespace CrisisCoord.Bench;

/// <summary>crisiscoord-bench COMMAND --name value ...: the .NET half of bench/run.sh (docs/PERFORMANCE.md, ADR 0027).</summary>
public static class BenchCli
{
    public static async Task<int> Main(string[] args)
    {
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
                await ImportCommands.WriteCsvAsync(Number(options["rows"]), Number(options["files"]), options["out"], cancel.Token);
                return 0;
            case "ef-import":
                await ImportCommands.EfImportAsync(options["connection"], options["file"], Guid.Parse(options["organisation"]), cancel.Token);
                return 0;
            case "dashboard-timing":
                await DashboardTimingCommand.RunAsync(
                    options["url"], options["email"], options["password"], options["chromium"],
                    Number(options.Optional("runs") ?? "3"), options.Optional("selector") ?? DashboardTimingCommand.DefaultSelector);
                return 0;
            case "report":
                await ReportCommand.RunAsync(options["results"], options["facts"], options["out"], cancel.Token);
                return 0;
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'.");
                return 2;
        }
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
