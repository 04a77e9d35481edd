using CrisisCoord.Web.Infrastructure.Auth;

namespace CrisisCoord.Web.Api;

public static class ApiEndpoints
{
    /// <summary>
    /// Every REST endpoint hangs off this one /api/v1 group, so conventions that apply to the whole API
    /// (authentication, rate limits, OpenAPI metadata) are added here once. Idempotency-Key on every POST is
    /// the one exception, middleware in Idempotency.cs: it needs the raw body and the response as finally sent.
    /// </summary>
    public static IEndpointRouteBuilder MapCrisisCoordApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(AuthSetup.ApiPolicy).WithProblemResponses();
        api.MapAuthEndpoints();
        api.MapAccountEndpoints();
        api.MapIncidentsEndpoints();
        api.MapOrganisationsEndpoints();
        api.MapMembershipsEndpoints();
        api.MapChartersEndpoints();
        api.MapResourcesEndpoints();
        api.MapPeopleEndpoints();
        api.MapObjectivesEndpoints();
        api.MapTasksEndpoints();
        api.MapObligationsEndpoints();
        api.MapDashboardEndpoints();
        api.MapRequestsEndpoints();
        api.MapAuditEndpoints();
        api.MapAccessTokensEndpoints();
        api.MapNotificationsEndpoints();
        api.MapWarningsEndpoints();
        api.MapReportsEndpoints();
        api.MapReviewsEndpoints();
        api.MapCheckInsEndpoints();
        api.MapRecoveryEndpoints();
        app.MapPublicWarningsEndpoints();
        return app;
    }
}
