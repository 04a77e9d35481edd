using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Requests;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Requests;

/// <summary>An organisation answers a request: Accept or Provisional with a quantity from one of its resources, or Decline with a reason.</summary>
[RecordedAs(typeof(ResourceOffer))]
[Performs(Act.AnswerRequest)]
public sealed record RespondToResourceRequestCommand : OfferFields, ICommand<OfferDto>, IResourceRequestMessage
{
    public Guid RequestId { get; init; }
}

public sealed class RespondToResourceRequestCommandValidator : AbstractValidator<RespondToResourceRequestCommand>
{
    public RespondToResourceRequestCommandValidator(TimeProvider clock) => this.AddOfferRules(clock);
}

public sealed class RespondToResourceRequestCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RespondToResourceRequestCommand, OfferDto>
{
    public async ValueTask<OfferDto> Handle(RespondToResourceRequestCommand command, CancellationToken cancellationToken)
    {
        var request = await db.LoadOpenRequestAsync(command.RequestId, cancellationToken);
        return await OfferRules.MakeAsync(db, user, clock, request.IncidentId, request.Id, request.ResourceTypeId, command, cancellationToken);
    }
}
