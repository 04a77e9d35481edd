using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Requests;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Requests;

/// <summary>A coordinator closes a request — met, or no longer needed — saying why.</summary>
[RecordedAs(typeof(ResourceRequest))]
[Performs(Act.CloseRequest)]
public sealed record CloseResourceRequestCommand : ICommand<ResourceRequestDto>, IResourceRequestMessage
{
    public Guid RequestId { get; init; }

    public string? Reason { get; init; }

    /// <summary>The version the sender last saw (If-Match).</summary>
    public uint? Version { get; init; }
}

public sealed class CloseResourceRequestCommandValidator : AbstractValidator<CloseResourceRequestCommand>
{
    public CloseResourceRequestCommandValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage(_ => Texts.Get("Validation.Requests.SayWhyRequestClosed"))
            .MaximumLength(ResourceRequest.NotesMaxLength).PlainText();
}

public sealed class CloseResourceRequestCommandHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<CloseResourceRequestCommand, ResourceRequestDto>
{
    public async ValueTask<ResourceRequestDto> Handle(CloseResourceRequestCommand command, CancellationToken cancellationToken)
    {
        var request = await db.LoadOpenRequestAsync(command.RequestId, cancellationToken);
        db.ExpectVersion(request, command.Version);

        request.Close(command.Reason!, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await RequestThreads.LoadOneAsync(db, request.Id, cancellationToken);
    }
}
