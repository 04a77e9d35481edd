using System.Text.Json;
using System.Text.Json.Serialization;
using CrisisCoord.Application.Common;

namespace CrisisCoord.Web.Infrastructure;

/// <summary>The API's JSON: camelCase, enums by name (never by number), strict reading.</summary>
public static class ApiJson
{
    /// <summary>The same settings outside a request, e.g. for a file a page offers for download.</summary>
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
        Configure(options);
        return options;
    }

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new StrictEnumConverterFactory());
    }

    private sealed class StrictEnumConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class StrictEnumConverter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"Give the value as text. Use one of: {EnumText.Allowed<TEnum>()}.");
            }

            var text = reader.GetString();
            return EnumText.TryParse<TEnum>(text, out var value)
                ? value
                : throw new JsonException(EnumText.NotValidMessage<TEnum>(text));
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());

        // Enums as dictionary keys (capabilities' refusals by act) are written by name too.
        public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value.ToString());

        public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            return EnumText.TryParse<TEnum>(text, out var value) ? value : throw new JsonException(EnumText.NotValidMessage<TEnum>(text));
        }
    }
}
