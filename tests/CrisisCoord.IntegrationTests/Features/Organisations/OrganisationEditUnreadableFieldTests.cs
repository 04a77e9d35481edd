using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Organisations;
using CrisisCoord.IntegrationTests.Infrastructure;

namespace CrisisCoord.IntegrationTests.Features.Organisations;

public sealed class OrganisationEditUnreadableFieldTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task An_unreadable_field_on_edit_is_the_only_error_the_organisations_own_name_is_not_taken()
    {
        var ngo = await App.CreateAsync(Roles.ResourceManager, OrganisationKind.CivicGroup);
        var admin = await PageClient.SignedInAsync(App, await App.CreateAsync(Roles.Administrator));
        var (_, form) = await admin.GetAsync($"/Organisations/{ngo.OrganisationId}/Edit");
        var fields = form.QuerySelectorAll<IHtmlInputElement>("form[method=post] input[name^='Input.']")
            .Where(i => i.Type != "checkbox")
            .ToDictionary(i => i.Name!, i => i.Value);
        fields["Input.Version"] = "not-a-number";

        var (response, document) = await admin.SubmitAsync($"/Organisations/{ngo.OrganisationId}/Edit", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector(".validation-summary")!.TextContent.ShouldNotContain("already");
        document.QuerySelector<IHtmlInputElement>("input[name='Input.Name']")!.Value.ShouldBe(fields["Input.Name"]);
    }
}
