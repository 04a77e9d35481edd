using CrisisCoord.Application.Features.Tasks;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisCoord.Web.Api;

public static class TasksEndpoints
{
    public static IEndpointRouteBuilder MapTasksEndpoints(this IEndpointRouteBuilder app)
    {
        var board = app.MapGroup("/incidents/{incidentId:guid}/tasks").WithTags("Tasks");
        board.MapGet("/", ListTasks).WithName(nameof(ListTasks)).ProducesProblem(StatusCodes.Status404NotFound);
        board.MapPost("/", CreateTask).WithName(nameof(CreateTask)).ProducesValidationProblem();

        var tasks = app.MapGroup("/tasks").WithTags("Tasks");
        tasks.MapGet("/mine", ListMyTasks).WithName(nameof(ListMyTasks));
        tasks.MapGet("/{id:guid}", GetTask).WithName(nameof(GetTask)).ProducesProblem(StatusCodes.Status404NotFound);
        // Every change is conditional: If-Match with the task's ETag (412 when someone changed it meanwhile, 428 without).
        tasks.MapPost("/{id:guid}/assign", (Guid id, AssignTaskCommand c, ISender s, HttpContext h, CancellationToken ct) => Change(h, v => s.Send(c with { Id = id, Version = v }, ct)))
            .WithName("AssignTask").Produces<TaskDto>().RequiresIfMatch();
        tasks.MapPost("/{id:guid}/accept", (Guid id, ISender s, HttpContext h, CancellationToken ct) => Change(h, v => s.Send(new AcceptTaskCommand { Id = id, Version = v }, ct)))
            .WithName("AcceptTask").Produces<TaskDto>().RequiresIfMatch();
        tasks.MapPost("/{id:guid}/decline", (Guid id, DeclineTaskCommand c, ISender s, HttpContext h, CancellationToken ct) => Change(h, v => s.Send(c with { Id = id, Version = v }, ct)))
            .WithName("DeclineTask").Produces<TaskDto>().RequiresIfMatch();
        tasks.MapPost("/{id:guid}/start", (Guid id, ISender s, HttpContext h, CancellationToken ct) => Change(h, v => s.Send(new StartTaskCommand { Id = id, Version = v }, ct)))
            .WithName("StartTask").Produces<TaskDto>().RequiresIfMatch();
        tasks.MapPost("/{id:guid}/complete", (Guid id, ISender s, HttpContext h, CancellationToken ct) => Change(h, v => s.Send(new CompleteTaskCommand { Id = id, Version = v }, ct)))
            .WithName("CompleteTask").Produces<TaskDto>().RequiresIfMatch();
        tasks.MapPost("/{id:guid}/cancel", (Guid id, CancelTaskCommand c, ISender s, HttpContext h, CancellationToken ct) => Change(h, v => s.Send(c with { Id = id, Version = v }, ct)))
            .WithName("CancelTask").Produces<TaskDto>().RequiresIfMatch();
        tasks.MapPost("/{id:guid}/claim", (Guid id, ISender s, HttpContext h, CancellationToken ct) => Change(h, v => s.Send(new ClaimTaskCommand { Id = id, Version = v }, ct)))
            .WithName("ClaimTask").Produces<TaskDto>().RequiresIfMatch();
        return app;
    }

    private static async Task<Ok<IReadOnlyList<TaskDto>>> ListTasks(Guid incidentId, Guid? organisation, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListTasksQuery(incidentId) { Organisation = organisation }, ct));

    private static async Task<Ok<IReadOnlyList<TaskDto>>> ListMyTasks(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListMyTasksQuery(), ct));

    private static async Task<Ok<TaskDto>> GetTask(Guid id, ISender sender, HttpContext http, CancellationToken ct)
    {
        var task = await sender.Send(new GetTaskQuery(id), ct);
        http.Response.Headers.ETag = ETags.For(task.Version);
        return TypedResults.Ok(task);
    }

    /// <summary><c>{"title","description"?,"phase"?,"objectiveId"?,"priority"?,"dueAt"?,"requiredResourceTypes"?,"assignedOrganisationId"?}</c></summary>
    private static async Task<Created<TaskDto>> CreateTask(Guid incidentId, CreateTaskCommand command, ISender sender, HttpContext http, CancellationToken ct)
    {
        var task = await sender.Send(command with { IncidentId = incidentId }, ct);
        http.Response.Headers.ETag = ETags.For(task.Version);
        return TypedResults.Created($"/api/v1/tasks/{task.Id}", task);
    }

    private static Task<IResult> Change(HttpContext http, Func<uint, ValueTask<TaskDto>> send) => ETags.ConditionalAsync(http, send, t => t.Version);
}
