using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CrisisCoord.Bench;

/// <summary>
/// Writes entities to their table with one binary COPY, every column as the product's EF model maps it (names,
/// value conversions such as enums stored by name, owned parts such as an organisation's profile). Reading the
/// mapping from the model, not from a hand-kept column list, keeps the generator right when a migration adds a
/// column. Columns PostgreSQL fills itself (xmin, computed columns) are left out.
/// </summary>
public sealed partial class BulkCopy<T>
    where T : class
{
    private readonly Column[] _columns;
    private readonly string _command;

    public BulkCopy(IModel model)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        List<Column> columns = [];
        Collect(entity, table, row => row, columns);
        _columns = [.. columns];
        Table = table.Name;
        _command = $"COPY {Quote(table.Name)} ({string.Join(", ", _columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
    }

    public string Table { get; }

    public IReadOnlyList<string> ColumnNames => [.. _columns.Select(c => c.Name)];

    /// <summary>Copies <paramref name="rows"/> on <paramref name="connection"/>, in its transaction if it has one; the number of rows.</summary>
    public async Task<ulong> WriteAsync(NpgsqlConnection connection, IEnumerable<T> rows, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync(_command, ct);
        foreach (var row in rows)
        {
            importer.StartRow();
            foreach (var column in _columns)
            {
                if (column.Value(row) is { } value)
                {
                    importer.Write(value, column.DataType);
                }
                else
                {
                    importer.WriteNull();
                }
            }
        }

        return await importer.CompleteAsync(ct);
    }

    private static void Collect(IEntityType entity, StoreObjectIdentifier table, Func<object, object?> owner, List<Column> columns)
    {
        foreach (var property in entity.GetProperties())
        {
            var name = property.GetColumnName(table);
            if (name is null || name == "xmin" || property.GetComputedColumnSql(table) is not null || columns.Any(c => c.Name == name))
            {
                // An owned part's key is its owner's id column, already written.
                continue;
            }

            if (property.IsShadowProperty())
            {
                throw new InvalidOperationException($"{entity.DisplayName()}.{property.Name} is a shadow property; the generator cannot fill '{name}'.");
            }

            var getter = property.GetGetter();
            var converter = property.GetTypeMapping().Converter;
            columns.Add(new Column(
                name,
                WithoutFacets().Replace(property.GetColumnType(table), ""),
                row => owner(row) is { } o && getter.GetClrValue(o) is { } value ? converter?.ConvertToProvider(value) ?? value : null));
        }

        foreach (var navigation in entity.GetNavigations().Where(n => n.ForeignKey.IsOwnership && n.TargetEntityType.GetTableName() == table.Name))
        {
            var getter = navigation.GetGetter();
            Collect(navigation.TargetEntityType, table, row => owner(row) is { } o ? getter.GetClrValue(o) : null, columns);
        }
    }

    private static string Quote(string name) => $"\"{name}\"";

    /// <summary>"character varying(200)" is written as "character varying": the length is the column's to check.</summary>
    [GeneratedRegex(@"\(\d+(,\s*\d+)?\)")]
    private static partial Regex WithoutFacets();

    private sealed record Column(string Name, string DataType, Func<object, object?> Value);
}
