using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Reports;

/// <summary>The report form with photos, the photo page, and the details form, as a browser posts them.</summary>
public sealed class ReportPagesTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task A_bad_photo_on_the_form_is_named_beside_the_field_the_rest_is_kept_and_nothing_is_written()
    {
        var pages = await PageClient.SignedInAsync(App, await App.CreatePrivateCitizenAsync());

        var (response, document) = await PostReportAsync(pages, ("notes.jpg", "<html>not a photo</html>"u8.ToArray()));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector("[data-valmsg-for='Input.Photos[0]']")!.TextContent.ShouldContain("'notes.jpg' is not a JPEG, PNG or WebP picture");
        document.QuerySelector<IHtmlInputElement>("input[name='Input.Title']")!.Value.ShouldBe("Cracks in the reservoir dam");
        document.QuerySelector<IHtmlInputElement>("input[name='Input.CallbackNumber']")!.Value.ShouldBe("139 0000 4321");
        document.QuerySelector("#photos-hint")!.TextContent.ShouldContain("choose them again");
        await using var db = App.Database.CreateContext();
        (await db.Incidents.CountAsync()).ShouldBe(0);
        (await db.ReportPhotos.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_photo_sent_with_the_form_is_shown_to_the_reporter_and_hidden_from_an_outsider()
    {
        var pages = await PageClient.SignedInAsync(App, await App.CreatePrivateCitizenAsync());

        var (response, _) = await PostReportAsync(pages, ("dam.jpg", PhotoSamples.JpegWithLocation()));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (detail, document) = await pages.GetAsync(response.Headers.Location!.ToString());
        detail.StatusCode.ShouldBe(HttpStatusCode.OK);
        var src = document.QuerySelector<IHtmlImageElement>(".report-photos img")!.GetAttribute("src")!;
        var photo = await pages.Http.GetAsync(src);
        photo.StatusCode.ShouldBe(HttpStatusCode.OK);
        photo.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        photo.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        photo.Headers.CacheControl!.NoStore.ShouldBeTrue();
        photo.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("dam.jpg");
        PhotoSamples.Contains(await photo.Content.ReadAsByteArrayAsync(), PhotoSamples.GpsLatitudeBytes).ShouldBeFalse();

        var outsider = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.AgencyStaff, OrganisationKind.Enterprise));
        (await outsider.Http.GetAsync(src)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_stale_correction_of_the_details_says_so_and_keeps_what_was_typed()
    {
        var coordinator = await App.CreateAsync(Roles.Coordinator);
        var id = (await IncidentData.LogAsync(await App.ClientForAsync(coordinator), IncidentData.ValidBody()))["id"]!.GetValue<Guid>();
        var pages = await PageClient.SignedInAsync(App, coordinator);

        var (response, document) = await pages.SubmitAsync($"/Incidents/{id}/Edit", new Dictionary<string, string>
        {
            ["Input.Version"] = "1",
            ["Input.Description"] = "Breach at km 14",
            ["Input.PlaceName"] = "Dongshan levee km 14",
            ["Input.Latitude"] = "30.52",
            ["Input.Longitude"] = "114.29",
            ["Input.Reason"] = "Wrong kilometre",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector(".validation-summary")!.TextContent.ShouldContain("changed");
        document.QuerySelector<IHtmlInputElement>("input[name='Input.PlaceName']")!.Value.ShouldBe("Dongshan levee km 14");
        await using var db = App.Database.CreateContext();
        (await db.Incidents.SingleAsync()).PlaceName.ShouldBe("Dongshan Town, Qing River levee km 12");
    }

    private static async Task<(HttpResponseMessage, IDocument)> PostReportAsync(PageClient pages, (string Name, byte[] Bytes) photo)
    {
        var (_, form) = await pages.GetAsync("/Incidents/New");
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Cracks in the reservoir dam"), "Input.Title" },
            { new StringContent("NaturalDisaster"), "Input.Category" },
            { new StringContent("Liuzhuang Village reservoir"), "Input.PlaceName" },
            { new StringContent("30.7342"), "Input.Latitude" },
            { new StringContent("114.0513"), "Input.Longitude" },
            { new StringContent("139 0000 4321"), "Input.CallbackNumber" },
            { new ByteArrayContent(photo.Bytes), "Photos", photo.Name },
        };
        var response = await pages.Http.PostAsync("/Incidents/New", content);
        var html = await response.Content.ReadAsStringAsync();
        return (response, await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html)));
    }
}
