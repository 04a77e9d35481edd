using System.Diagnostics;
using System.Globalization;
using System.Text;
using CrisisCoord.Application;
using CrisisCoord.Application.Common;
using CrisisCoord.Domain.Resources;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrisisCoord.Bench;

/// <summary>
/// The inventory-import scenario's two halves outside the portal: <c>csv</c> writes an inventory file of new places,
/// and <c>ef-import</c> inserts the same rows through EF Core <c>AddRange</c> + <c>SaveChanges</c> (the way the import
/// would be written without COPY) and then through a plain binary COPY, timing each.
/// </summary>
public static class ImportCommands
{
    /// <summary>
    /// <paramref name="files"/> files <c>import-1.csv</c>… in <paramref name="folder"/>, each of rows of every standard
    /// type at places no holder has yet (each file its own), so every import inserts them all.
    /// </summary>
    public static async Task WriteCsvAsync(int rows, int files, string folder, CancellationToken ct)
    {
        var types = ResourceType.Standard;
        var random = new Random(rows);
        for (var file = 1; file <= files; file++)
        {
            var csv = new StringBuilder("type,quantity,place,latitude,longitude,notes\n");
            for (var i = 1; i <= rows; i++)
            {
                var (lat, lon) = Geography.Near(random);
                csv.Append(CultureInfo.InvariantCulture, $"{types[i % types.Count].Code},{1 + (i % 500)},Import {file} store {i},{lat:0.0000},{lon:0.0000},\"bench, row {i}\"\n");
            }

            await File.WriteAllTextAsync(Path.Combine(folder, $"import-{file}.csv"), csv.ToString(), ct);
        }
    }

    /// <summary>Prints <c>EF_IMPORT rows ef_ms copy_ms</c>: the file's rows for <paramref name="organisation"/>, twice over.</summary>
    public static async Task EfImportAsync(string connectionString, string path, Guid organisation, CancellationToken ct)
    {
        await using var db = DependencyInjection.CreateContext(connectionString);
        var types = await db.ResourceTypes.ToDictionaryAsync(t => t.Code, t => t.Id, ct);
        var now = DateTimeOffset.UtcNow;
        var text = await File.ReadAllTextAsync(path, ct);
        List<Resource> Rows() =>
        [
            .. CsvReader.Read(text).Skip(1).Where(r => !r.IsBlank).Select(r => Resource.Register(
                organisation,
                types[r.Fields[0]],
                new ResourceDetails(
                    decimal.Parse(r.Fields[1], CultureInfo.InvariantCulture),
                    r.Fields[2],
                    double.Parse(r.Fields[3], CultureInfo.InvariantCulture),
                    double.Parse(r.Fields[4], CultureInfo.InvariantCulture),
                    null,
                    null,
                    r.Fields[5]),
                now)),
        ];
        var viaEf = Rows();
        var viaCopy = Rows();

        var watch = Stopwatch.StartNew();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            db.Resources.AddRange(viaEf);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        var ef = watch.Elapsed.TotalMilliseconds;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        watch.Restart();
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await new BulkCopy<Resource>(db.Model).WriteAsync(connection, viaCopy, ct);
            await transaction.CommitAsync(ct);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"EF_IMPORT\t{viaEf.Count}\t{ef:0.0}\t{watch.Elapsed.TotalMilliseconds:0.0}"));
    }
}
