using CrisisCoord.Application.Features.Memberships;
using CrisisCoord.Application.Features.Organisations;
using CrisisCoord.Application.Localization;
using CrisisCoord.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CrisisCoord.Web.Pages.Organisations;

/// <summary>A private citizen asks a citizens' group to take them in.</summary>
[FormPage]
public sealed class JoinModel(ISender sender) : CommandFormPageModel<AskToJoinGroupCommand, MembershipRequestDto>(sender)
{
    public OrganisationDto Organisation { get; private set; } = null!;

    protected override async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var detail = await Sender.Send(new GetOrganisationQuery(id), ct);
        FormRefusal.EnsureAllowed<AskToJoinGroupCommand>(detail.Capabilities);
        Organisation = detail.Organisation;
    }

    protected override AskToJoinGroupCommand Blank() => new() { OrganisationId = Organisation.Id };

    protected override AskToJoinGroupCommand For(AskToJoinGroupCommand input, Guid id) => input with { OrganisationId = id };

    protected override string Done(MembershipRequestDto request) =>
        Texts.Format("Organisations.Join.Sent", request.OrganisationName);

    protected override IActionResult After(MembershipRequestDto request, Guid id) => RedirectToPage("/Index");
}
