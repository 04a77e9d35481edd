namespace CrisisCoord.IntegrationTests.Features.Security;

/// <summary>
/// Runs a matrix of rows (what is called) by columns (who calls), compares each answer's letter with the
/// hand-written row, and fails with every mismatch listed; an unexpected success is counted apart, since it
/// is the one that lets someone in.
/// </summary>
public static class MatrixRun
{
    /// <param name="rows">Each row's name and its expected letters, one per column (spaces ignored).</param>
    /// <param name="columns">Who calls, in the order of the letters.</param>
    /// <param name="call">Calls one cell; answers the letter got and what to say about it if it is wrong.</param>
    /// <returns>How many cells were called.</returns>
    public static async Task<int> CheckAsync(
        IEnumerable<(string Row, string Expected)> rows, IReadOnlyList<string> columns, Func<string, int, Task<(char Letter, string Detail)>> call)
    {
        var mismatches = new List<string>();
        var cells = 0;
        var unexpectedSuccesses = 0;
        foreach (var (row, expected) in rows)
        {
            var letters = expected.Replace(" ", "");
            letters.Length.ShouldBe(columns.Count, $"the row for {row} has the wrong number of cells");
            for (var column = 0; column < columns.Count; column++)
            {
                var (actual, detail) = await call(row, column);
                cells++;
                if (actual != letters[column])
                {
                    unexpectedSuccesses += actual == 'A' ? 1 : 0;
                    mismatches.Add($"{row} as {columns[column]}: expected {letters[column]}, got {detail}");
                }
            }
        }

        unexpectedSuccesses.ShouldBe(0, string.Join(Environment.NewLine, mismatches));
        mismatches.ShouldBeEmpty(string.Join(Environment.NewLine, mismatches));
        return cells;
    }
}
