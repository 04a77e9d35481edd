using System.Buffers.Text;
using System.Text;
using CrisisCoord.Application.Localization;

namespace CrisisCoord.Application.Common;

/// <summary>
/// The opaque text of a keyset cursor: its fields joined with ':' and base64url-encoded, so clients
/// pass it back unchanged rather than build one.
/// </summary>
public static class CursorText
{
    private const int MaxLength = 128;

    public static string Encode(params string[] fields) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join(':', fields)));

    /// <summary>The fields, or null when the text is not a cursor with <paramref name="count"/> fields.</summary>
    public static string[]? Decode(string? text, int count)
    {
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return null;
        }

        try
        {
            var fields = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split(':');
            return fields.Length == count ? fields : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Read when a message is written, so it is in the reader's language.</summary>
    public static string InvalidMessage => Texts.Get("Validation.InvalidCursor");
}
