using System.Security.Cryptography;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Resources;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CrisisCoord.Application.Features.Resources;

/// <summary>
/// A resource manager uploads their organisation's inventory as a CSV file (<see cref="InventoryCsv"/>). Every
/// row is checked first; if any is wrong nothing is written. Otherwise each row updates the resource of the same
/// type at the same place (case-insensitive) or registers a new one, all in one transaction.
/// </summary>
[RecordedAs(typeof(InventoryImport))]
[Performs(Act.RegisterOwnResources)]
public sealed record ImportInventoryCommand : ICommand<InventoryImportResult>
{
    public string? FileName { get; init; }

    /// <summary>The file's bytes; null when no file was sent. Read with <see cref="ReadAsync"/> so an oversized upload is not held whole.</summary>
    public byte[]? Content { get; init; }

    /// <summary>Reads at most one byte more than <paramref name="maxBytes"/>: enough for the validator to say the file is too large.</summary>
    public static async Task<byte[]> ReadAsync(Stream stream, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= maxBytes && (read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length)), ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

/// <summary>What an import did: rows in the file, resources registered, resources updated.</summary>
public sealed record InventoryImportResult(Guid Id, int Rows, int Inserted, int Updated);

/// <summary>
/// Reads an upload once per request: the validator and then the handler ask for the same file, and reading and
/// checking every row is most of an import's time.
/// </summary>
public sealed class InventoryFileReader(AppDbContext db, InventoryImportLimits limits)
{
    private (byte[]? Content, InventorySheet Sheet)? _last;

    public async Task<InventorySheet> ReadAsync(byte[]? content, CancellationToken ct)
    {
        if (_last is { } last && ReferenceEquals(last.Content, content))
        {
            return last.Sheet;
        }

        var codes = (await db.ResourceTypes.AsNoTracking().Select(t => t.Code).ToListAsync(ct)).ToHashSet();
        var sheet = InventoryCsv.Read(content, limits, codes);
        _last = (content, sheet);
        return sheet;
    }
}

public sealed class ImportInventoryCommandValidator : AbstractValidator<ImportInventoryCommand>
{
    public ImportInventoryCommandValidator(InventoryFileReader reader)
    {
        RuleFor(x => x.Content).CustomAsync(async (content, context, ct) =>
        {
            foreach (var failure in (await reader.ReadAsync(content, ct)).Failures())
            {
                context.AddFailure(failure);
            }
        });
    }
}

public sealed class ImportInventoryCommandHandler(AppDbContext db, ICurrentUser user, InventoryFileReader reader, TimeProvider clock)
    : ICommandHandler<ImportInventoryCommand, InventoryImportResult>
{
    public async ValueTask<InventoryImportResult> Handle(ImportInventoryCommand command, CancellationToken cancellationToken)
    {
        var sheet = await reader.ReadAsync(command.Content, cancellationToken);
        if (sheet.ErrorCount > 0)
        {
            // The validator refused this already; reaching here means the pipeline was bypassed.
            throw new ValidationException(sheet.Failures());
        }

        var typeIds = await db.ResourceTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Id, cancellationToken);
        var organisationId = user.OrganisationId!.Value;
        var now = clock.GetUtcNow();
        var (inserted, updated) = await InventoryMerge.RunAsync(db, organisationId, sheet.Rows, typeIds, now, cancellationToken);
        var record = InventoryImport.Record(
            organisationId, user.UserId!.Value, command.FileName?.Trim() ?? "", Convert.ToHexStringLower(SHA256.HashData(command.Content!)),
            sheet.Rows.Count, inserted, updated, now);
        db.InventoryImports.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return new InventoryImportResult(record.Id, record.RowCount, inserted, updated);
    }
}

/// <summary>
/// The bulk load behind <see cref="ImportInventoryCommand"/>: rows are streamed by binary COPY into a temporary
/// table that lives only for the command's transaction, then <see cref="MergeSql"/> applies them in one statement.
/// It runs on the DbContext's own connection and transaction, so the merge, the import record and the timeline
/// event commit or vanish together.
/// </summary>
public static class InventoryMerge
{
    /// <summary>
    /// One import per organisation at a time: two imports of the same new row must not both insert it. Taken
    /// first, before anything is read, and released when the transaction ends.
    /// </summary>
    public const string LockSql = "SELECT pg_advisory_xact_lock(hashtextextended('inventory-import:' || @organisation_id::text, 0))";

    public const string CreateStagingSql = """
        CREATE TEMP TABLE inventory_import_staging (
            id uuid NOT NULL,
            row_number integer NOT NULL,
            resource_type_id uuid NOT NULL,
            quantity numeric(14, 2) NOT NULL,
            place_name text NOT NULL,
            latitude double precision NOT NULL,
            longitude double precision NOT NULL,
            available_from timestamptz NULL,
            available_until timestamptz NULL,
            notes text NOT NULL
        ) ON COMMIT DROP
        """;

    public const string CopySql = """
        COPY inventory_import_staging (id, row_number, resource_type_id, quantity, place_name, latitude, longitude, available_from, available_until, notes)
        FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>
    /// Staged rows that would take a resource below what is committed to incidents: refused before the merge,
    /// so the file is rejected whole with the rows named (the database's check would otherwise stop it bluntly).
    /// </summary>
    public const string BelowCommittedSql = """
        SELECT s.row_number, r.committed
        FROM inventory_import_staging AS s
        JOIN resources AS r
          ON r.organisation_id = @organisation_id
         AND r.resource_type_id = s.resource_type_id
         AND lower(r.place_name) = lower(s.place_name)
        WHERE s.quantity < r.committed
        ORDER BY s.row_number
        LIMIT 100
        """;

    /// <summary>
    /// Applies the staged rows to the organisation's resources in one statement. A staged row matches a resource of
    /// the same organisation and type whose place name is the same ignoring case: that resource takes the row's
    /// quantity, position, availability and notes and counts as confirmed now (its xmin changes, so editors holding
    /// the old version get 412). Rows that match nothing become new resources. Both parts read the same snapshot, so
    /// a row is either updated or inserted, never both. Conditions on what may change (e.g. not below what is
    /// committed) belong here. Returns one row: (inserted, updated).
    /// </summary>
    public const string MergeSql = """
        WITH updated AS (
            UPDATE resources AS r
            SET quantity = s.quantity,
                latitude = s.latitude,
                longitude = s.longitude,
                available_from = s.available_from,
                available_until = s.available_until,
                notes = s.notes,
                last_confirmed_at = @now
            FROM inventory_import_staging AS s
            WHERE r.organisation_id = @organisation_id
              AND r.resource_type_id = s.resource_type_id
              AND lower(r.place_name) = lower(s.place_name)
            RETURNING s.row_number
        ),
        inserted AS (
            INSERT INTO resources (id, organisation_id, resource_type_id, quantity, place_name, latitude, longitude,
                                   available_from, available_until, notes, last_confirmed_at, created_at)
            SELECT s.id, @organisation_id, s.resource_type_id, s.quantity, s.place_name, s.latitude, s.longitude,
                   s.available_from, s.available_until, s.notes, @now, @now
            FROM inventory_import_staging AS s
            WHERE NOT EXISTS (
                SELECT 1 FROM resources AS r
                WHERE r.organisation_id = @organisation_id
                  AND r.resource_type_id = s.resource_type_id
                  AND lower(r.place_name) = lower(s.place_name))
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM inserted)::int, (SELECT count(DISTINCT row_number) FROM updated)::int
        """;

    public static async Task<(int Inserted, int Updated)> RunAsync(
        AppDbContext db,
        Guid organisationId,
        IReadOnlyList<InventoryRow> rows,
        IReadOnlyDictionary<string, Guid> typeIds,
        DateTimeOffset now,
        CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction)(db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("An inventory import runs inside its command's transaction.")).GetDbTransaction();
        now = now.ToUniversalTime();

        await using (var command = new NpgsqlCommand($"{LockSql}; {CreateStagingSql}", connection, transaction))
        {
            command.Parameters.AddWithValue("organisation_id", organisationId);
            await command.ExecuteNonQueryAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(CopySql, ct))
        {
            foreach (var row in rows)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(Guid.CreateVersion7(now), NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(row.Row, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(typeIds[row.Type!], NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(row.Quantity!.Value, NpgsqlDbType.Numeric, ct);
                await copy.WriteAsync(row.PlaceName!.Trim(), NpgsqlDbType.Text, ct);
                await copy.WriteAsync(row.Latitude!.Value, NpgsqlDbType.Double, ct);
                await copy.WriteAsync(row.Longitude!.Value, NpgsqlDbType.Double, ct);
                await WriteTimeAsync(copy, row.AvailableFrom, ct);
                await WriteTimeAsync(copy, row.AvailableUntil, ct);
                await copy.WriteAsync((row.Notes ?? "").Trim(), NpgsqlDbType.Text, ct);
            }

            await copy.CompleteAsync(ct);
        }

        await using (var check = new NpgsqlCommand(BelowCommittedSql, connection, transaction))
        {
            check.Parameters.AddWithValue("organisation_id", organisationId);
            var refused = new List<ValidationFailure>();
            await using (var reader = await check.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var committed = reader.GetDecimal(1);
                    refused.Add(new InventoryFileError(reader.GetInt32(0), "quantity",
                        Texts.Format("Validation.Inventory.BelowCommitted", Amounts.Quantity(committed))).ToFailure());
                }
            }

            if (refused.Count > 0)
            {
                throw new ValidationException(refused);
            }
        }

        await using (var merge = new NpgsqlCommand(MergeSql, connection, transaction))
        {
            merge.Parameters.AddWithValue("organisation_id", organisationId);
            merge.Parameters.AddWithValue("now", now);
            await using var reader = await merge.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return (reader.GetInt32(0), reader.GetInt32(1));
        }
    }

    private static async Task WriteTimeAsync(NpgsqlBinaryImporter copy, DateTimeOffset? value, CancellationToken ct)
    {
        if (value is { } time)
        {
            await copy.WriteAsync(time.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
        }
        else
        {
            await copy.WriteNullAsync(ct);
        }
    }
}
