using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CrisisCoord.Application.Data;
using CrisisCoord.Domain.Notifications;
using CrisisCoord.Domain.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CrisisCoord.Application.Timeline;

/// <summary>
/// Collects what each SaveChanges of a unit of work writes, including saves made inside Identity's
/// UserManager, so a timeline event can carry the command's real effect: rows added (with their
/// values), changed (from → to) and deleted. Secrets never enter it: properties configured with
/// <see cref="NotRecorded"/> (password hashes, security stamps) and concurrency tokens are left out.
/// </summary>
public sealed class ChangeJournal : IDisposable
{
    /// <summary>Model annotation on a property that must never appear on the timeline.</summary>
    public const string NotRecorded = "CrisisCoord:NotRecorded";

    private static readonly JsonSerializerOptions ValueJson = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly List<RecordedChange> _changes = [];
    private readonly Dictionary<(Type, string), RecordedChange> _byEntity = [];
    private readonly AppDbContext _db;
    private bool _open;

    public ChangeJournal(AppDbContext db)
    {
        _db = db;
        db.SavingChanges += OnSaving;
    }

    /// <summary>Stops listening: contexts are pooled, and the next user of this one has a journal of its own.</summary>
    public void Dispose() => _db.SavingChanges -= OnSaving;

    private void OnSaving(object? sender, SavingChangesEventArgs e) => Capture();

    public void Begin()
    {
        _changes.Clear();
        _byEntity.Clear();
        _open = true;
    }

    public IReadOnlyList<RecordedChange> End()
    {
        _open = false;
        return [.. _changes];
    }

    /// <summary>Records what the change tracker holds now (also done by every save of the unit of work).</summary>
    public void Capture()
    {
        if (!_open)
        {
            return;
        }

        foreach (var entry in _db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || entry.Entity is TimelineEvent or Checkpoint
                // Notifications tell people of a change; they are not part of the record (and carry addresses).
                || entry.Entity is Notification or NotificationMail)
            {
                continue;
            }

            // An owned part (an organisation's profile) is reported as fields of its owner.
            var ownership = entry.Metadata.FindOwnership();
            var type = (ownership?.PrincipalEntityType ?? entry.Metadata).ClrType;
            var id = KeyOf(entry, ownership);
            if (!_byEntity.TryGetValue((type, id), out var change))
            {
                change = new RecordedChange(type, id, IncidentOf(entry, ownership));
                _byEntity[(type, id)] = change;
                _changes.Add(change);
            }

            var prefix = ownership is null ? "" : Camel(ownership.PrincipalToDependent?.Name ?? entry.Metadata.ShortName()) + ".";
            if (ownership is null && !(change.Change == "added" && entry.State == EntityState.Modified))
            {
                // A row added and then changed in a later save of the same unit (Identity does this) is still "added".
                change.Change = ChangeName(entry.State);
            }

            Values(entry, prefix, change.Values);
        }
    }

    private static void Values(EntityEntry entry, string prefix, JsonObject values)
    {
        foreach (var property in entry.Properties)
        {
            var metadata = property.Metadata;
            if (metadata.IsPrimaryKey() || metadata.IsShadowProperty() || metadata.IsConcurrencyToken
                || metadata.FindAnnotation(NotRecorded) is not null)
            {
                continue;
            }

            var name = prefix + Camel(metadata.Name);
            switch (entry.State)
            {
                case EntityState.Added:
                    values[name] = Node(property.CurrentValue);
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    values[name] = new JsonObject { ["from"] = Node(property.OriginalValue), ["to"] = Node(property.CurrentValue) };
                    break;
            }
        }
    }

    private static JsonNode? Node(object? value) => value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), ValueJson);

    private static string KeyOf(EntityEntry entry, IForeignKey? ownership)
    {
        var properties = ownership is null ? entry.Metadata.FindPrimaryKey()!.Properties : ownership.Properties;
        return string.Join("/", properties.Select(p =>
        {
            var value = entry.Property(p.Name);
            return value.IsTemporary ? "" : Convert.ToString(value.CurrentValue, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }));
    }

    private static Guid? IncidentOf(EntityEntry entry, IForeignKey? ownership) =>
        ownership is null && entry.Metadata.FindProperty("IncidentId") is { } property && entry.Property(property.Name).CurrentValue is Guid id
            ? id
            : null;

    private static string ChangeName(EntityState state) => state switch
    {
        EntityState.Added => "added",
        EntityState.Deleted => "deleted",
        _ => "modified",
    };

    /// <summary>The CLR name without generic arity: <c>IdentityUserRole`1</c> reads as <c>IdentityUserRole</c>.</summary>
    public static string EntityName(Type type) => type.Name.Split('`')[0];

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
