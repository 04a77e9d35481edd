namespace CrisisCoord.Domain.Notifications;

/// <summary>
/// One item in one person's inbox, written in the same transaction as the change it tells of. The title is fixed
/// when written, from what the recipient could read then; <see cref="Key"/> makes it once per person and event.
/// </summary>
public sealed class Notification
{
    public const int TitleMaxLength = 300;
    public const int KeyMaxLength = 200;
    public const int LinkMaxLength = 300;

    private Notification()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>The organisation it reached the person through; none for what concerns the person alone. The inbox shows only their current organisation's.</summary>
    public Guid? OrganisationId { get; private set; }

    public NotificationKind Kind { get; private set; }

    /// <summary>What happened, in one line, in the recipient's saved language when written: what their e-mail says.</summary>
    public string Title { get; private set; } = "";

    /// <summary>
    /// The same line in every language the portal speaks (culture name → title), so each reader reads it in the
    /// language they read the portal in (ADR 0039). None for what was written before; those read <see cref="Title"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Titles { get; private set; }

    /// <summary>The portal path of the thing it is about (e.g. /Tasks/Mine), never a full address.</summary>
    public string Link { get; private set; } = "";

    /// <summary>The event, so the same event never reaches the same person twice (e.g. the breach's key).</summary>
    public string Key { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>How it was to be delivered when written (the person's choice at that time).</summary>
    public NotificationDelivery Delivery { get; private set; }

    /// <summary>The digest mail it went out in; none while it waits for the hour's digest, or when not a digest item.</summary>
    public Guid? DigestMailId { get; private set; }

    public static Notification For(
        Guid userId,
        Guid? organisationId,
        NotificationKind kind,
        string title,
        string link,
        string key,
        NotificationDelivery delivery,
        DateTimeOffset now,
        IReadOnlyDictionary<string, string>? titles = null) => new()
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            OrganisationId = organisationId,
            Kind = kind,
            Title = OneLine(title, TitleMaxLength),
            Titles = titles?.ToDictionary(t => t.Key, t => OneLine(t.Value, TitleMaxLength), StringComparer.Ordinal),
            Link = link.StartsWith('/') && link.Length <= LinkMaxLength ? link : throw new ArgumentException("A notification links to a path in the portal.", nameof(link)),
            Key = key.Length <= KeyMaxLength ? key : throw new ArgumentException("The key is too long.", nameof(key)),
            Delivery = delivery,
            CreatedAt = now.ToUniversalTime(),
        };

    /// <summary>The title in <paramref name="language"/> (a culture name); <see cref="Title"/> when it was not written in it.</summary>
    public string TitleIn(string language) => TitleIn(Titles, Title, language);

    /// <summary>As <see cref="TitleIn(string)"/>, for a title and its languages read apart from the notification.</summary>
    public static string TitleIn(IReadOnlyDictionary<string, string>? titles, string title, string language) =>
        titles is not null && titles.TryGetValue(language, out var inLanguage) ? inLanguage : title;

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now.ToUniversalTime();

    public void PutInDigest(Guid mailId) => DigestMailId = mailId;

    /// <summary>
    /// Text that may have been typed by anyone, as one line: control characters (line breaks included) become spaces,
    /// so it can go into a mail subject or a list without starting a new header or line.
    /// </summary>
    public static string OneLine(string text, int maxLength)
    {
        var line = string.Join(' ', new string([.. text.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c)])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= maxLength ? line : line[..(maxLength - 1)] + "…";
    }
}

/// <summary>A person's choice for one kind; kinds without a row follow <see cref="NotificationDefaults"/>.</summary>
public sealed class NotificationPreference
{
    private NotificationPreference()
    {
    }

    public Guid UserId { get; private set; }

    public NotificationKind Kind { get; private set; }

    public NotificationDelivery Delivery { get; set; }

    public static NotificationPreference Of(Guid userId, NotificationKind kind, NotificationDelivery delivery) =>
        new() { UserId = userId, Kind = kind, Delivery = delivery };
}
