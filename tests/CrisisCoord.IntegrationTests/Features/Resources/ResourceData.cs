using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace CrisisCoord.IntegrationTests.Features.Resources;

public static class ResourceData
{
    public static JsonObject Water(decimal quantity = 200, double latitude = 30.6012, double longitude = 114.3105) => new()
    {
        ["type"] = "drinking-water",
        ["quantity"] = quantity,
        ["placeName"] = "Red Cross depot, Qinghe North",
        ["latitude"] = latitude,
        ["longitude"] = longitude,
        ["notes"] = "Bottled, 1.5 L",
    };

    public static async Task<(JsonObject Body, string ETag)> RegisterAsync(HttpClient client, JsonObject body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/resources", body);
        response.EnsureSuccessStatusCode();
        return ((await response.Content.ReadFromJsonAsync<JsonObject>())!, response.Headers.ETag!.Tag);
    }

    public const string InventoryHeader = "type,quantity,place,latitude,longitude,available_from,available_until,notes";

    /// <summary>An inventory file: the header, then the given rows, CRLF line ends as spreadsheets write them.</summary>
    public static string InventoryCsv(params string[] rows) => string.Join("\r\n", [InventoryHeader, .. rows]) + "\r\n";

    /// <summary>The file as a browser uploads it: multipart/form-data with a part named "file".</summary>
    public static MultipartFormDataContent CsvUpload(string csv, string fileName = "inventory.csv") => Upload(Encoding.UTF8.GetBytes(csv), fileName, "text/csv");

    public static MultipartFormDataContent Upload(byte[] content, string fileName, string contentType)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }
}
