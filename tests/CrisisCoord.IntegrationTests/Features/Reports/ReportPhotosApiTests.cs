using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CrisisCoord.Application.Features.Reports;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Reports;

/// <summary>A report with photos over the API: checked by content, stripped of their location, and shown only to those who see the incident.</summary>
public sealed class ReportPhotosApiTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task A_citizen_reports_with_photos_whose_location_is_taken_out_and_only_those_who_see_the_incident_read_them()
    {
        var citizen = await App.ClientForAsync(await App.CreatePrivateCitizenAsync());
        var jpeg = PhotoSamples.JpegWithLocation();
        var png = PhotoSamples.PngWithLocation();

        var response = await citizen.PostAsync("/api/v1/reports", Form(("C:\\phone\\IMG_0042.JPG", jpeg), ("dam.png", png)));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var incident = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        response.Headers.Location!.ToString().ShouldEndWith($"/api/v1/incidents/{incident}");
        await using var db = App.Database.CreateContext();
        var report = await db.IncidentReports.SingleAsync();
        report.IncidentId.ShouldBe(incident);
        report.CallbackNumber.ShouldBe("+8613800138000");
        var photos = await db.ReportPhotos.OrderBy(p => p.Position).ToListAsync();
        photos.Select(p => (p.ContentType, p.FileName, p.MetadataRemoved)).ShouldBe([("image/jpeg", "IMG_0042.jpg", true), ("image/png", "dam.png", true)]);
        foreach (var photo in photos)
        {
            PhotoSamples.Contains(photo.Content, PhotoSamples.GpsLatitudeBytes).ShouldBeFalse($"{photo.FileName} still holds its GPS position");
            PhotoSamples.Contains(photo.Content, "GPSLatitude").ShouldBeFalse($"{photo.FileName} still holds its XMP");
            photo.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(photo.Content)));
            photo.Length.ShouldBe(photo.Content.Length);
        }

        PhotoLocationStripper.Orientation(photos[0].Content.AsSpan(12)).ShouldBe((ushort)6, "the orientation survives");
        photos[1].Content.ShouldBe(PhotoSamples.PlainPng());

        // The timeline records each photo by its digest, never its bytes; the call-back number is detail like the rest.
        var logged = await db.TimelineEvents.SingleAsync(e => e.ChainId == incident);
        logged.Payload.ShouldContain(photos[0].Sha256);
        logged.Payload.ShouldNotContain(Convert.ToBase64String(photos[1].Content));
        logged.Payload.ShouldNotContain("\"content\"");

        // Served as stored, with its own type, nosniff, a safe name and no caching by anyone else.
        var read = await citizen.GetAsync($"/api/v1/photos/{photos[0].Id}");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        read.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        read.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        read.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
        read.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldBe("IMG_0042.jpg");
        read.Headers.CacheControl!.Private.ShouldBeTrue();
        read.Headers.CacheControl.NoStore.ShouldBeTrue();
        (await read.Content.ReadAsByteArrayAsync()).ShouldBe(photos[0].Content);

        var coordinator = await App.ClientAsAsync(Roles.Coordinator);
        (await coordinator.GetAsync($"/api/v1/photos/{photos[1].Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var reports = (await coordinator.GetFromJsonAsync<JsonArray>($"/api/v1/incidents/{incident}/reports"))!;
        reports.Single()!["callbackNumber"]!.GetValue<string>().ShouldBe("+8613800138000");
        reports.Single()!["photos"]!.AsArray().Count.ShouldBe(2);

        // Someone who does not see the incident's detail may not know the photo exists, nor read its reports.
        var outsider = await App.ClientForAsync(await App.CreateAsync(Roles.AgencyStaff, OrganisationKind.CivicGroup));
        (await outsider.GetAsync($"/api/v1/photos/{photos[0].Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"/api/v1/photos/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"/api/v1/incidents/{incident}/reports")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await App.CreateClient().GetAsync($"/api/v1/photos/{photos[0].Id}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_reporter_who_keeps_the_location_has_the_photo_stored_as_sent()
    {
        var citizen = await App.ClientForAsync(await App.CreatePrivateCitizenAsync());
        var webp = PhotoSamples.WebPWithLocation();

        var response = await citizen.PostAsync("/api/v1/reports", Form(keep: true, photos: ("river.webp", webp)));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        await using var db = App.Database.CreateContext();
        var photo = await db.ReportPhotos.SingleAsync();
        photo.Content.ShouldBe(webp);
        photo.MetadataRemoved.ShouldBeFalse();
        photo.ContentType.ShouldBe("image/webp");
        (await db.IncidentReports.SingleAsync()).PhotoLocationKept.ShouldBeTrue();
    }

    [Fact]
    public async Task Bad_photos_are_refused_naming_the_file_and_nothing_is_written()
    {
        var citizen = await App.ClientForAsync(await App.CreatePrivateCitizenAsync());
        var tooLarge = new byte[Domain.Reports.ReportPhoto.MaxBytes + 1];
        PhotoSamples.PlainJpeg().CopyTo(tooLarge, 0);

        await RefusedAsync(citizen, Form(("holiday.jpg", "this is not a picture"u8.ToArray())), "photos[0]", "'holiday.jpg' is not a JPEG, PNG or WebP");
        await RefusedAsync(citizen, Form(("anim.gif", "GIF89a\x01\x00\x01\x00"u8.ToArray())), "photos[0]", "'anim.gif' is not a JPEG, PNG or WebP");
        await RefusedAsync(citizen, Form(("ok.jpg", PhotoSamples.PlainJpeg()), ("huge.jpg", tooLarge)), "photos[1]", "'huge.jpg' is larger than 10 MB");
        await RefusedAsync(citizen, Form(("cut.png", PhotoSamples.PlainPng()[..30])), "photos[0]", "'cut.png' is damaged");
        await RefusedAsync(citizen, Form(("empty.jpg", [])), "photos[0]", "'empty.jpg' is empty");
        await RefusedAsync(
            citizen,
            Form(("1.jpg", PhotoSamples.PlainJpeg()), ("2.jpg", PhotoSamples.PlainJpeg()), ("3.jpg", PhotoSamples.PlainJpeg()), ("4.jpg", PhotoSamples.PlainJpeg())),
            "photos",
            "at most 3 photos (you attached 4)");
        await RefusedAsync(citizen, Form(callback: "call me maybe"), "callbackNumber", "telephone number");
        await RefusedAsync(citizen, Form(latitude: "north"), "latitude", "'north' is not a number");

        var json = await citizen.PostAsJsonAsync("/api/v1/reports", IncidentData.ValidBody());
        json.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);

        await using var db = App.Database.CreateContext();
        (await db.Incidents.CountAsync()).ShouldBe(0);
        (await db.IncidentReports.CountAsync()).ShouldBe(0);
        (await db.ReportPhotos.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_report_without_photos_over_json_is_still_the_reporters_own_report()
    {
        var staff = await App.CreateAsync(Roles.AgencyStaff);
        var client = await App.ClientForAsync(staff);
        var id = (await IncidentData.LogAsync(client, IncidentData.ValidBody().With("callbackNumber", "027 8888 1234")))["id"]!.GetValue<Guid>();

        var mine = (await client.GetFromJsonAsync<JsonArray>("/api/v1/me/reports"))!;
        var report = mine.Single()!;
        report["firstIncidentId"]!.GetValue<Guid>().ShouldBe(id);
        report["outcome"]!.GetValue<string>().ShouldBe("Reported");
        report["photos"]!.GetValue<int>().ShouldBe(0);
        await using var db = App.Database.CreateContext();
        (await db.IncidentReports.SingleAsync()).CallbackNumber.ShouldBe("02788881234");
    }

    private static async Task RefusedAsync(HttpClient client, MultipartFormDataContent form, string field, string message)
    {
        var response = await client.PostAsync("/api/v1/reports", form);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors.ContainsKey(field).ShouldBeTrue($"no error for {field}: {errors.ToJsonString()}");
        errors[field]![0]!.GetValue<string>().ShouldContain(message);
    }

    private static MultipartFormDataContent Form(params (string Name, byte[] Bytes)[] photos) => Form(false, photos: photos);

    private static MultipartFormDataContent Form(bool keep = false, string callback = "+86 138-0013 8000", string latitude = "30.7342", params (string Name, byte[] Bytes)[] photos)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("Cracks in the reservoir dam"), "title" },
            { new StringContent("New cracks along the top since the earthquake; water seeping at the foot."), "description" },
            { new StringContent("NaturalDisaster"), "category" },
            { new StringContent("Liuzhuang Village reservoir"), "placeName" },
            { new StringContent(latitude), "latitude" },
            { new StringContent("114.0513"), "longitude" },
            { new StringContent(callback), "callbackNumber" },
            { new StringContent(keep ? "true" : "false"), "keepPhotoLocation" },
        };
        foreach (var (name, bytes) in photos)
        {
            var part = new ByteArrayContent(bytes);
            // What the sender's device claims is not trusted: the content decides.
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(part, "photos", name);
        }

        return form;
    }
}
