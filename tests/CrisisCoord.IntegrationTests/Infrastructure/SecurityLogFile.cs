using System.Text.Json.Nodes;

namespace CrisisCoord.IntegrationTests.Infrastructure;

/// <summary>One entry of the security log: its properties by name; a property it lacks reads as null.</summary>
public sealed class LogEntry(Dictionary<string, string?> properties)
{
    public string? this[string name] => properties.GetValueOrDefault(name);

    public override string ToString() => string.Join(", ", properties.Select(p => $"{p.Key}={p.Value}"));
}

/// <summary>Reads the security log the app wrote (CLEF: one JSON object a line).</summary>
public static class SecurityLogFile
{
    /// <summary>Every entry, once one satisfies <paramref name="until"/> (the sink writes as the app goes; this waits up to 5 s for it).</summary>
    public static async Task<IReadOnlyList<LogEntry>> ReadAsync(CrisisCoordApp app, Func<LogEntry, bool> until)
    {
        var entries = new List<LogEntry>();
        for (var attempt = 0; attempt < 50; attempt++)
        {
            entries = [.. Lines(app).Select(line => new LogEntry(JsonNode.Parse(line)!.AsObject().ToDictionary(p => p.Key, p => p.Value?.ToString())))];
            if (entries.Any(until))
            {
                break;
            }

            await Task.Delay(100);
        }

        return entries;
    }

    /// <summary>The raw text, to show that nothing secret was written.</summary>
    public static string TextOf(CrisisCoordApp app) => string.Join("\n", Lines(app));

    private static IEnumerable<string> Lines(CrisisCoordApp app)
    {
        var directory = Path.GetDirectoryName(app.SecurityLogPath)!;
        foreach (var file in Directory.Exists(directory) ? Directory.GetFiles(directory, "security-*.clef") : [])
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length > 0)
                {
                    yield return line;
                }
            }
        }
    }
}
