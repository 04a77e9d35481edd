using CrisisCoord.Application.Features.Memberships;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisCoord.Web.Api;

/// <summary>Private citizens ask to join a citizens' group; its coordinator (or a platform administrator) answers.</summary>
public static class MembershipsEndpoints
{
    public static IEndpointRouteBuilder MapMembershipsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/organisations/{id:guid}/membership-requests").WithTags("Organisations");
        group.MapPost("/", AskToJoinGroup).WithName(nameof(AskToJoinGroup)).ProducesValidationProblem();
        group.MapPost("/{requestId:guid}/admit", AdmitMember).WithName(nameof(AdmitMember)).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{requestId:guid}/decline", DeclineMember).WithName(nameof(DeclineMember)).ProducesValidationProblem();
        app.MapPost("/organisations/{id:guid}/volunteers", VolunteerForGroup).WithName(nameof(VolunteerForGroup)).WithTags("Organisations").ProducesValidationProblem();
        return app;
    }

    /// <summary><c>{"note"}</c>: where the person lives and how they can help.</summary>
    private static async Task<Created<MembershipRequestDto>> AskToJoinGroup(Guid id, AskToJoinGroupCommand command, ISender sender, CancellationToken ct)
    {
        var request = await sender.Send(command with { OrganisationId = id }, ct);
        return TypedResults.Created($"/api/v1/organisations/{id}", request);
    }

    /// <summary><c>{"skills", "availability", "note"?}</c>: a request to join that says what the volunteer can do and when.</summary>
    private static async Task<Created<MembershipRequestDto>> VolunteerForGroup(Guid id, VolunteerForGroupCommand command, ISender sender, CancellationToken ct)
    {
        var request = await sender.Send(command with { OrganisationId = id }, ct);
        return TypedResults.Created($"/api/v1/organisations/{id}", request);
    }

    private static async Task<Ok<MembershipRequestDto>> AdmitMember(Guid id, Guid requestId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new AdmitMemberCommand { OrganisationId = id, RequestId = requestId }, ct));

    /// <summary><c>{"reason"}</c></summary>
    private static async Task<Ok<MembershipRequestDto>> DeclineMember(Guid id, Guid requestId, DeclineMemberCommand command, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(command with { OrganisationId = id, RequestId = requestId }, ct));
}
