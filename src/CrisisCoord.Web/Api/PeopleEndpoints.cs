using CrisisCoord.Application.Features.People;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisCoord.Web.Api;

public static class PeopleEndpoints
{
    public static IEndpointRouteBuilder MapPeopleEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/users").WithTags("People");
        group.MapPost("/", CreateUser).WithName(nameof(CreateUser)).ProducesValidationProblem();
        // Disabling ends every session of the person within a minute; enabling lets them sign in again.
        group.MapPost("/{userId:guid}/disable", async (Guid userId, ISender s, CancellationToken ct) =>
        {
            await s.Send(new DisableAccountCommand(userId), ct);
            return TypedResults.NoContent();
        }).WithName("DisableAccount");
        group.MapPost("/{userId:guid}/enable", async (Guid userId, ISender s, CancellationToken ct) =>
        {
            await s.Send(new EnableAccountCommand(userId), ct);
            return TypedResults.NoContent();
        }).WithName("EnableAccount");
        return app;
    }

    private static async Task<Created<PersonDto>> CreateUser(CreateUserCommand command, ISender sender, CancellationToken ct)
    {
        var person = await sender.Send(command, ct);
        return TypedResults.Created($"/api/v1/organisations/{person.OrganisationId}", person);
    }
}
