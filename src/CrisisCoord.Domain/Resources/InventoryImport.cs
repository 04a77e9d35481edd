namespace CrisisCoord.Domain.Resources;

/// <summary>
/// One uploaded inventory file, loaded in bulk: which file (by name and SHA-256), by whom, and what it did.
/// The rows themselves are merged into <see cref="Resource"/> set-wise; this record is what the timeline shows of it.
/// </summary>
public sealed class InventoryImport
{
    public const int FileNameMaxLength = 255;

    private InventoryImport()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string FileName { get; private set; } = "";

    /// <summary>SHA-256 of the file's bytes, lowercase hex, so anyone holding the file can show it is the one imported.</summary>
    public string Sha256 { get; private set; } = "";

    public int RowCount { get; private set; }

    public int InsertedCount { get; private set; }

    public int UpdatedCount { get; private set; }

    public DateTimeOffset ImportedAt { get; private set; }

    public Guid ImportedBy { get; private set; }

    public static InventoryImport Record(
        Guid organisationId, Guid importedBy, string fileName, string sha256, int rows, int inserted, int updated, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = organisationId,
            ImportedBy = importedBy,
            FileName = fileName.Length > FileNameMaxLength ? fileName[..FileNameMaxLength] : fileName,
            Sha256 = sha256,
            RowCount = rows,
            InsertedCount = inserted,
            UpdatedCount = updated,
            ImportedAt = now.ToUniversalTime(),
        };
}
