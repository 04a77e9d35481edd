using CrisisCoord.Application.Features.Memberships;
using CrisisCoord.Application.Features.Organisations;
using CrisisCoord.Application.Localization;
using CrisisCoord.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CrisisCoord.Web.Pages.Organisations;

/// <summary>A private citizen offers a group their skills and time; the group's coordinator admits or declines.</summary>
[FormPage]
public sealed class VolunteerModel(ISender sender) : CommandFormPageModel<VolunteerForGroupCommand, MembershipRequestDto>(sender)
{
    public OrganisationDto Organisation { get; private set; } = null!;

    protected override async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var detail = await Sender.Send(new GetOrganisationQuery(id), ct);
        FormRefusal.EnsureAllowed<VolunteerForGroupCommand>(detail.Capabilities);
        Organisation = detail.Organisation;
    }

    protected override VolunteerForGroupCommand Blank() => new() { OrganisationId = Organisation.Id };

    protected override VolunteerForGroupCommand For(VolunteerForGroupCommand input, Guid id) => input with { OrganisationId = id };

    protected override string Done(MembershipRequestDto request) =>
        Texts.Format("Organisations.Volunteer.Sent", request.OrganisationName);

    protected override IActionResult After(MembershipRequestDto request, Guid id) => RedirectToPage("/Index");
}
