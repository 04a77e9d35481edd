using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Schema;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Warnings;

namespace CrisisCoord.Application.Features.Warnings;

/// <summary>One CAP 1.2 <c>alert</c>, with one <c>info</c> per language, as <see cref="CapDocument.Write"/> writes it.</summary>
public sealed record CapAlert
{
    public required string Identifier { get; init; }
    public required string Sender { get; init; }
    public required DateTimeOffset Sent { get; init; }
    public required WarningStatus Status { get; init; }
    public required CapMessageType MessageType { get; init; }
    public required WarningScope Scope { get; init; }
    public string Restriction { get; init; } = "";
    public string Note { get; init; } = "";
    /// <summary>Earlier messages as <c>sender,identifier,sent</c>, oldest first.</summary>
    public IReadOnlyList<string> References { get; init; } = [];
    public string Incidents { get; init; } = "";
    public required IReadOnlyList<string> Categories { get; init; }
    public required string Event { get; init; }
    public IReadOnlyList<CapResponseType> ResponseTypes { get; init; } = [];
    public required CapUrgency Urgency { get; init; }
    public required string Severity { get; init; }
    public required CapCertainty Certainty { get; init; }
    public string Audience { get; init; } = "";
    public DateTimeOffset? Effective { get; init; }
    public DateTimeOffset? Onset { get; init; }
    public DateTimeOffset? Expires { get; init; }
    public string SenderName { get; init; } = "";
    public string Headline { get; init; } = "";
    public string Description { get; init; } = "";
    public string Instruction { get; init; } = "";
    public string Web { get; init; } = "";
    public string Contact { get; init; } = "";
    public required IReadOnlyList<WarningArea> Areas { get; init; }
}

/// <summary>
/// Writes CAP 1.2 documents with <see cref="XmlWriter"/>, elements in exactly the order of the OASIS schema,
/// and checks them against that schema (embedded from <c>standards/CAP-v1.2.xsd</c>) before anything is stored.
/// </summary>
public static class CapDocument
{
    public const string Namespace = "urn:oasis:names:tc:emergency:cap:1.2";
    public const string MediaType = "application/cap+xml";

    /// <summary>
    /// The <c>info</c> blocks, one per language the portal speaks (CAP 1.2 allows one per language), English first
    /// because CAP's default language is en-US and readers that take one block take the first.
    /// </summary>
    public static readonly IReadOnlyList<(string Culture, string CapLanguage)> InfoLanguages =
    [
        (Languages.English, "en-US"),
        (Languages.Chinese, "zh-CN"),
    ];

    private static readonly Lazy<XmlSchemaSet> Schema = new(LoadSchema);

    /// <summary>CAP's time form: <c>YYYY-MM-DDThh:mm:ss±hh:mm</c>, in the given offset; never <c>Z</c>.</summary>
    public static string Time(DateTimeOffset value, TimeSpan offset) =>
        value.ToOffset(offset).ToString("yyyy'-'MM'-'dd'T'HH':'mm':'sszzz", CultureInfo.InvariantCulture);

    public static string Write(CapAlert alert, TimeSpan offset)
    {
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8, OmitXmlDeclaration = false };
        using (var writer = XmlWriter.Create(new StringWriterUtf8(text), settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("alert", Namespace);
            Element(writer, "identifier", alert.Identifier);
            Element(writer, "sender", alert.Sender);
            Element(writer, "sent", Time(alert.Sent, offset));
            Element(writer, "status", alert.Status.ToString());
            Element(writer, "msgType", alert.MessageType.ToString());
            Element(writer, "scope", alert.Scope.ToString());
            if (alert.Scope == WarningScope.Restricted)
            {
                Element(writer, "restriction", alert.Restriction);
            }

            Optional(writer, "note", alert.Note);
            if (alert.References.Count > 0)
            {
                Element(writer, "references", string.Join(' ', alert.References));
            }

            Optional(writer, "incidents", alert.Incidents);

            foreach (var (culture, capLanguage) in InfoLanguages)
            {
                // Each block in its own language, so whatever the portal words itself follows it; the culture is
                // restored after, and the user's headline, description and instruction are the same in each.
                using var language = RecipientLanguage.Use(culture);
                WriteInfo(writer, alert, capLanguage, offset);
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return text.ToString();
    }

    /// <summary>Every way the document breaks the CAP 1.2 schema; empty when it is valid.</summary>
    public static IReadOnlyList<string> SchemaErrors(string xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schema.Value, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationEventHandler += (_, e) => errors.Add($"line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    private static XmlSchemaSet LoadSchema()
    {
        using var stream = typeof(CapDocument).Assembly.GetManifestResourceStream("CrisisCoord.CAP-v1.2.xsd")
            ?? throw new InvalidOperationException("The CAP 1.2 schema is not embedded in the application.");
        var set = new XmlSchemaSet();
        set.Add(Namespace, XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }));
        set.Compile();
        return set;
    }

    private static void WriteInfo(XmlWriter writer, CapAlert alert, string capLanguage, TimeSpan offset)
    {
        writer.WriteStartElement("info", Namespace);
        Element(writer, "language", capLanguage);
        foreach (var category in alert.Categories)
        {
            Element(writer, "category", category);
        }

        Element(writer, "event", alert.Event);
        foreach (var response in alert.ResponseTypes)
        {
            Element(writer, "responseType", response.ToString());
        }

        Element(writer, "urgency", alert.Urgency.ToString());
        Element(writer, "severity", alert.Severity);
        Element(writer, "certainty", alert.Certainty.ToString());
        Optional(writer, "audience", alert.Audience);
        OptionalTime(writer, "effective", alert.Effective, offset);
        OptionalTime(writer, "onset", alert.Onset, offset);
        OptionalTime(writer, "expires", alert.Expires, offset);
        Optional(writer, "senderName", alert.SenderName);
        Optional(writer, "headline", alert.Headline);
        Optional(writer, "description", alert.Description);
        Optional(writer, "instruction", alert.Instruction);
        Optional(writer, "web", alert.Web);
        Optional(writer, "contact", alert.Contact);
        foreach (var area in alert.Areas)
        {
            writer.WriteStartElement("area", Namespace);
            Element(writer, "areaDesc", area.Description);
            if (area.CapPolygon is { } polygon)
            {
                Element(writer, "polygon", polygon);
            }

            if (area.CapCircle is { } circle)
            {
                Element(writer, "circle", circle);
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void Element(XmlWriter writer, string name, string value) => writer.WriteElementString(name, Namespace, value);

    private static void Optional(XmlWriter writer, string name, string value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            Element(writer, name, value);
        }
    }

    private static void OptionalTime(XmlWriter writer, string name, DateTimeOffset? value, TimeSpan offset)
    {
        if (value is { } time)
        {
            Element(writer, name, Time(time, offset));
        }
    }

    /// <summary>A string writer that declares UTF-8, the encoding the document is served in.</summary>
    private sealed class StringWriterUtf8(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
