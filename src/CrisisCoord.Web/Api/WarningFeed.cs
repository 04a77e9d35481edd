using System.Globalization;
using System.Text;
using System.Xml;
using CrisisCoord.Application.Features.Warnings;

namespace CrisisCoord.Web.Api;

/// <summary>The Atom feed (RFC 4287) of the warnings in force, written with <see cref="XmlWriter"/>: every value is text, escaped.</summary>
public static class WarningFeed
{
    public const string MediaType = "application/atom+xml; charset=utf-8";
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static string Write(PublicWarnings warnings, Uri portal, string? area)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(new Utf8Writer(text), new XmlWriterSettings { Indent = true }))
        {
            var self = new Uri(portal, "warnings/feed.atom" + (area is null ? "" : "?area=" + Uri.EscapeDataString(area))).ToString();
            writer.WriteStartDocument();
            writer.WriteStartElement("feed", Atom);
            writer.WriteElementString("id", Atom, self);
            writer.WriteElementString("title", Atom, "Public warnings in force");
            // An empty feed still needs an updated time; the epoch says "nothing yet" and keeps the ETag stable.
            writer.WriteElementString("updated", Atom, Time(warnings.Updated ?? DateTimeOffset.UnixEpoch));
            Link(writer, "self", self, "application/atom+xml");
            Link(writer, "alternate", new Uri(portal, "warnings").ToString(), "text/html");
            writer.WriteStartElement("author", Atom);
            writer.WriteElementString("name", Atom, "CrisisCoord");
            writer.WriteEndElement();
            foreach (var warning in warnings.Warnings)
            {
                writer.WriteStartElement("entry", Atom);
                writer.WriteElementString("id", Atom, $"urn:uuid:{warning.Id}");
                writer.WriteElementString("title", Atom, warning.Headline);
                writer.WriteElementString("updated", Atom, Time(warning.SentAt));
                if (warning.SenderName.Length > 0)
                {
                    writer.WriteStartElement("author", Atom);
                    writer.WriteElementString("name", Atom, warning.SenderName);
                    writer.WriteEndElement();
                }

                Link(writer, "alternate", new Uri(portal, warning.CapUrl.TrimStart('/')).ToString(), CapDocument.MediaType);
                Link(writer, "related", new Uri(portal, $"warnings#warning-{warning.Id:N}").ToString(), "text/html");
                writer.WriteStartElement("summary", Atom);
                writer.WriteAttributeString("type", "text");
                writer.WriteString($"{warning.Severity} · {warning.Event} · until {warning.Expires.ToString("u", CultureInfo.InvariantCulture)} — {warning.Instruction}");
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return text.ToString();
    }

    private static void Link(XmlWriter writer, string rel, string href, string type)
    {
        writer.WriteStartElement("link", Atom);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("type", type);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }

    private static string Time(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ssK", CultureInfo.InvariantCulture).Replace("+00:00", "Z", StringComparison.Ordinal);

    private sealed class Utf8Writer(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
