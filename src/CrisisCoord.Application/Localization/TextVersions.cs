using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using CrisisCoord.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Localization;

/// <summary>
/// Every <see cref="TextVersion"/>, read once per process and kept: versions are added at start-up (the demo scenario,
/// reference data), not while people work, so a query pays nothing for them after the first (ADR 0038).
/// </summary>
public sealed class TextVersions
{
    /// <summary>The longest original a version is kept for; longer text is always shown as typed.</summary>
    public const int MaxOriginalLength = 800;

    private volatile FrozenDictionary<string, FrozenDictionary<string, string>>? _byLanguage;

    /// <summary>The versions for readers of <paramref name="language"/>, original → version; empty when there are none.</summary>
    public async ValueTask<FrozenDictionary<string, string>> ForAsync(string language, AppDbContext db, CancellationToken ct)
    {
        var all = _byLanguage ??= (await db.TextVersions.AsNoTracking().ToListAsync(ct))
            .GroupBy(v => v.Language)
            .ToFrozenDictionary(g => g.Key, g => g.ToFrozenDictionary(v => v.Original, v => v.Version, StringComparer.Ordinal));
        return all.GetValueOrDefault(language) ?? FrozenDictionary<string, string>.Empty;
    }

    private static readonly AsyncLocal<IReadOnlyDictionary<string, string>?> ForReader = new();

    /// <summary>
    /// Makes <paramref name="versions"/> the ones <see cref="Of"/> uses for the rest of this query, so a sentence a
    /// handler writes around a name (<see cref="Texts.Format"/>) names it in the reader's language too.
    /// </summary>
    public static void UseForReader(IReadOnlyDictionary<string, string> versions) => ForReader.Value = versions;

    /// <summary><paramref name="text"/> in the reader's language if it has a version there; as it is otherwise.</summary>
    public static string Of(string text) => ForReader.Value is { Count: > 0 } versions && versions.TryGetValue(text, out var version) ? version : text;

    /// <summary>Read them again at the next query: called by whatever adds versions in this process.</summary>
    public void Forget() => _byLanguage = null;

    /// <summary>
    /// <paramref name="value"/> with every string that has a version replaced by it. Never changes what it is given: a
    /// read may be shared between readers of different languages (SharedReads), so whatever changes is copied, and
    /// what does not is returned as it is. Walks the portal's own records and the lists and arrays of them.
    /// </summary>
    public static T Apply<T>(T value, IReadOnlyDictionary<string, string> versions) =>
        versions.Count == 0 ? value : (T)Walk(value, versions, 0)!;

    private const int MaxDepth = 16;

    private static object? Walk(object? value, IReadOnlyDictionary<string, string> versions, int depth)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return versions.TryGetValue(text, out var version) ? version : text;
            case Array array when !array.GetType().GetElementType()!.IsValueType && depth < MaxDepth:
                return WalkList(array, versions, depth, count => Array.CreateInstance(array.GetType().GetElementType()!, count));
            case IList list when ElementOf(list.GetType()) is { IsValueType: false } element && depth < MaxDepth:
                // A List<T>, or a read-only list a collection expression made: the copy is a List<T> either way.
                return WalkList(list, versions, depth, count => (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element), count)!);
            default:
                return depth < MaxDepth && Shape.Of(value.GetType()) is { Members.Length: > 0 } shape ? WalkObject(value, shape, versions, depth) : value;
        }
    }

    private static Type? ElementOf(Type listType) => listType.GetInterfaces()
        .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static object WalkList(IList list, IReadOnlyDictionary<string, string> versions, int depth, Func<int, IList> create)
    {
        object?[]? changed = null;
        for (var i = 0; i < list.Count; i++)
        {
            var item = list[i];
            var walked = Walk(item, versions, depth + 1);
            if (!ReferenceEquals(walked, item))
            {
                changed ??= new object?[list.Count];
                changed[i] = walked;
            }
        }

        if (changed is null)
        {
            return list;
        }

        var copy = create(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var item = changed[i] ?? list[i];
            if (copy.IsFixedSize)
            {
                copy[i] = item;
            }
            else
            {
                copy.Add(item);
            }
        }

        return copy;
    }

    private static object WalkObject(object value, Shape shape, IReadOnlyDictionary<string, string> versions, int depth)
    {
        object? copy = null;
        foreach (var member in shape.Members)
        {
            var before = member.GetValue(value);
            var after = Walk(before, versions, depth + 1);
            // A copied list is a List<T>: a member declared as something else keeps what it had.
            if (!ReferenceEquals(before, after) && member.FieldType.IsInstanceOfType(after))
            {
                copy ??= ShallowCopy(value);
                member.SetValue(copy, after);
            }
        }

        return copy ?? value;
    }

    private static readonly Func<object, object> ShallowCopy = typeof(object)
        .GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!
        .CreateDelegate<Func<object, object>>();

    /// <summary>
    /// The fields of one of the portal's own types that can hold text: strings, lists, and its other types. Fields,
    /// not properties, so init-only and get-only members are set on the copy alike.
    /// </summary>
    private sealed record Shape(FieldInfo[] Members)
    {
        private static readonly ConcurrentDictionary<Type, Shape> Known = new();

        public static Shape Of(Type type) => Known.GetOrAdd(type, static t => new Shape(
            IsOurs(t) && !t.IsValueType
                ? [.. Fields(t).Where(f => !f.FieldType.IsValueType && (f.FieldType == typeof(string) || f.FieldType == typeof(object) || IsOurs(f.FieldType) || typeof(IList).IsAssignableFrom(f.FieldType) || IsReadOnlyList(f.FieldType)))]
                : []));

        private static bool IsOurs(Type type) => type.Namespace?.StartsWith("CrisisCoord.", StringComparison.Ordinal) == true;

        private static bool IsReadOnlyList(Type type) =>
            type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) || type.GetGenericTypeDefinition() == typeof(IReadOnlyCollection<>) || type.GetGenericTypeDefinition() == typeof(IEnumerable<>));

        private static IEnumerable<FieldInfo> Fields(Type type)
        {
            for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            {
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    yield return field;
                }
            }
        }
    }
}
