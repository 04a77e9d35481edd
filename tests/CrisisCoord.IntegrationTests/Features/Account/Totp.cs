using System.Security.Cryptography;

namespace CrisisCoord.IntegrationTests.Features.Account;

/// <summary>
/// What an authenticator app computes (RFC 6238: HMAC-SHA1 over the 30-second step, 6 digits), written here
/// from the RFC so the tests do not trust the code they test.
/// </summary>
public static class Totp
{
    /// <summary>The 30-second step the clock is in now.</summary>
    public static long Step => DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;

    public static string Code(string base32Key, int stepsFromNow = 0) => CodeAt(base32Key, Step + stepsFromNow);

    /// <summary>
    /// The code for one step. A test that needs several different codes counts from a step it recorded, so
    /// a step boundary passing mid-test cannot make two of them the same (a spent code is refused).
    /// </summary>
    public static string CodeAt(string base32Key, long step)
    {
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A code no step in the window Identity accepts would give.</summary>
    public static string Wrong(string base32Key)
    {
        var accepted = Enumerable.Range(-3, 7).Select(step => Code(base32Key, step)).ToHashSet();
        return Enumerable.Range(0, 100).Select(i => (123456 + (i * 7919)).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !accepted.Contains(c));
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant())
        {
            value = (value << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(value >> (bits - 8)));
                bits -= 8;
                value &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
