namespace CrisisCoord.Bench;

/// <summary>Command-line options given as <c>--name value</c> pairs; a missing one stops the run naming it.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string> _values = [];

    public string this[string name] => _values.TryGetValue(name, out var value)
        ? value
        : throw new ArgumentException($"--{name} is required.", nameof(name));

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    public static Options Parse(IEnumerable<string> args)
    {
        var options = new Options();
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current.StartsWith("--", StringComparison.Ordinal)
                ? e.Current[2..]
                : throw new ArgumentException($"Expected --name value, got '{e.Current}'.", nameof(args));
            options._values[name] = e.MoveNext() ? e.Current : throw new ArgumentException($"--{name} needs a value.", nameof(args));
        }

        return options;
    }
}
