using System.Text.Json.Nodes;

namespace CrisisCoord.IntegrationTests.Infrastructure;

/// <summary>Reads the security log the app wrote (CLEF: one JSON object a line) as property maps.</summary>
public static class SecurityLogFile
{
    public static async Task<IReadOnlyList<IReadOnlyDictionary<string, string?>>> ReadAsync(CrisisCoordApp app)
    {
        var directory = Path.GetDirectoryName(app.SecurityLogPath)!;
        var entries = new List<IReadOnlyDictionary<string, string?>>();
        // The sink flushes as it writes; a moment's grace for the last line.
        for (var attempt = 0; attempt < 20 && entries.Count == 0; attempt++)
        {
            foreach (var file in Directory.Exists(directory) ? Directory.GetFiles(directory, "security-*.clef") : [])
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                while (await reader.ReadLineAsync() is { } line)
                {
                    entries.Add(JsonNode.Parse(line)!.AsObject().ToDictionary(p => p.Key, p => p.Value?.ToString()));
                }
            }

            if (entries.Count == 0)
            {
                await Task.Delay(100);
            }
        }

        return entries;
    }

    /// <summary>The raw text, to show that nothing secret was written.</summary>
    public static string TextOf(CrisisCoordApp app)
    {
        var directory = Path.GetDirectoryName(app.SecurityLogPath)!;
        return string.Concat((Directory.Exists(directory) ? Directory.GetFiles(directory, "security-*.clef") : [])
            .Select(file =>
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                return new StreamReader(stream).ReadToEnd();
            }));
    }
}
