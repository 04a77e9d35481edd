using QRCoder;

namespace CrisisCoord.Web.Infrastructure.Auth;

/// <summary>QR codes as PNG <c>data:</c> addresses: the Content-Security-Policy allows those images and nothing inline that runs.</summary>
public static class QrCodes
{
    public static string PngDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return "data:image/png;base64," + Convert.ToBase64String(png.GetGraphic(6));
    }
}
