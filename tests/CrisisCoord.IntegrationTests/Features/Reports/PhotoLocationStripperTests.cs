using System.Buffers.Binary;
using CrisisCoord.Application.Features.Reports;
using CrisisCoord.Web.Infrastructure;

namespace CrisisCoord.IntegrationTests.Features.Reports;

/// <summary>Where a photo was taken comes out of JPEG, PNG and WebP files; the picture and its orientation stay.</summary>
public sealed class PhotoLocationStripperTests
{
    [Fact]
    public void Jpeg_loses_exif_gps_and_xmp_but_keeps_its_orientation_and_picture()
    {
        var original = PhotoSamples.JpegWithLocation();

        var stripped = PhotoLocationStripper.Strip(original, PhotoFormat.Jpeg);

        stripped.MetadataRemoved.ShouldBeTrue();
        PhotoSamples.Contains(stripped.Content, PhotoSamples.GpsLatitudeBytes).ShouldBeFalse();
        PhotoSamples.Contains(stripped.Content, "GPSLatitude").ShouldBeFalse();
        PhotoSamples.Contains(stripped.Content, "http://ns.adobe.com/xap/1.0/").ShouldBeFalse();
        // The one Exif left holds the orientation alone (6: turned a quarter), after the start of image.
        stripped.Content[2..4].ShouldBe(new byte[] { 0xFF, 0xE1 });
        PhotoLocationStripper.Orientation(stripped.Content.AsSpan(12)).ShouldBe((ushort)6);
        var plain = PhotoSamples.PlainJpeg();
        stripped.Content.AsSpan(stripped.Content.Length - (plain.Length - 2)).SequenceEqual(plain.AsSpan(2)).ShouldBeTrue("the picture after the metadata is untouched");
        Should.NotThrow(() => PhotoLocationStripper.EnsureWhole(stripped.Content, PhotoFormat.Jpeg));
    }

    [Fact]
    public void Png_loses_exif_and_xmp_chunks_and_stays_a_valid_png()
    {
        var stripped = PhotoLocationStripper.Strip(PhotoSamples.PngWithLocation(), PhotoFormat.Png);

        stripped.MetadataRemoved.ShouldBeTrue();
        stripped.Content.ShouldBe(PhotoSamples.PlainPng(), "an upright picture needs no Exif at all");
    }

    [Fact]
    public void WebP_loses_exif_and_xmp_chunks_and_its_header_says_so()
    {
        var stripped = PhotoLocationStripper.Strip(PhotoSamples.WebPWithLocation(), PhotoFormat.WebP);

        stripped.MetadataRemoved.ShouldBeTrue();
        PhotoSamples.Contains(stripped.Content, PhotoSamples.GpsLatitudeBytes).ShouldBeFalse();
        PhotoSamples.Contains(stripped.Content, "GPSLatitude").ShouldBeFalse();
        BinaryPrimitives.ReadUInt32LittleEndian(stripped.Content.AsSpan(4)).ShouldBe((uint)stripped.Content.Length - 8);
        // VP8X flags: the EXIF bit stays (an orientation of 3 is kept), the XMP bit is cleared.
        (stripped.Content[20] & 0x0C).ShouldBe(0x08);
        PhotoSamples.Contains(stripped.Content, "XMP "u8.ToArray()).ShouldBeFalse();
        Should.NotThrow(() => PhotoLocationStripper.EnsureWhole(stripped.Content, PhotoFormat.WebP));
    }

    [Fact]
    public void A_photo_without_metadata_is_returned_unchanged()
    {
        foreach (var (bytes, format) in new[] { (PhotoSamples.PlainJpeg(), PhotoFormat.Jpeg), (PhotoSamples.PlainPng(), PhotoFormat.Png), (DemoImages.WebP(4, 4, new DemoImages.Rgb(1, 2, 3)), PhotoFormat.WebP) })
        {
            var stripped = PhotoLocationStripper.Strip(bytes, format);
            stripped.MetadataRemoved.ShouldBeFalse();
            stripped.Content.ShouldBe(bytes);
        }
    }

    [Theory]
    [InlineData(PhotoFormat.Jpeg)]
    [InlineData(PhotoFormat.Png)]
    [InlineData(PhotoFormat.WebP)]
    public void A_file_cut_short_is_damaged(PhotoFormat format)
    {
        var whole = format switch
        {
            PhotoFormat.Jpeg => PhotoSamples.JpegWithLocation(),
            PhotoFormat.Png => PhotoSamples.PngWithLocation(),
            _ => PhotoSamples.WebPWithLocation(),
        };

        Should.Throw<DamagedPhotoException>(() => PhotoLocationStripper.EnsureWhole(whole[..40], format));
        Should.Throw<DamagedPhotoException>(() => PhotoLocationStripper.Strip(whole[..40], format));
    }

    [Fact]
    public void Formats_are_told_by_content_not_by_name()
    {
        PhotoFormats.Detect(PhotoSamples.PlainJpeg()).ShouldBe(PhotoFormat.Jpeg);
        PhotoFormats.Detect(PhotoSamples.PlainPng()).ShouldBe(PhotoFormat.Png);
        PhotoFormats.Detect(DemoImages.WebP(2, 2, default)).ShouldBe(PhotoFormat.WebP);
        PhotoFormats.Detect("GIF89a..........."u8).ShouldBeNull();
        PhotoFormats.Detect("<svg xmlns='http://www.w3.org/2000/svg'/>"u8).ShouldBeNull();
        PhotoFormats.Detect([]).ShouldBeNull();
    }

    [Theory]
    [InlineData("IMG_0042.JPG", PhotoFormat.Jpeg, "IMG_0042.jpg")]
    [InlineData("C:\\Users\\me\\Desktop\\dam crack (2).png", PhotoFormat.Png, "dam-crack-2.png")]
    [InlineData("../../etc/passwd", PhotoFormat.Jpeg, "passwd.jpg")]
    [InlineData("\"><script>.webp", PhotoFormat.WebP, "script.webp")]
    [InlineData("堤坝裂缝.jpg", PhotoFormat.Jpeg, "photo-2.jpg")]
    [InlineData("photo.exe", PhotoFormat.Png, "photo.png")]
    public void Download_names_are_made_safe_and_end_in_the_real_type(string sent, PhotoFormat format, string expected) =>
        ReportPhotoRules.SafeFileName(sent, 2, format).ShouldBe(expected);
}
