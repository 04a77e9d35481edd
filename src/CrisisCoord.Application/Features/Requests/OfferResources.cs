using CrisisCoord.Application.Data;
using CrisisCoord.Application.Features.Incidents;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Requests;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Requests;

/// <summary>An organisation offers resources to an incident nobody asked it for (EDXL-RM OfferUnsolicitedResource).</summary>
[RecordedAs(typeof(ResourceOffer))]
[Performs(Act.OfferResources)]
public sealed record OfferResourcesCommand : OfferFields, ICommand<OfferDto>, IIncidentMessage
{
    public Guid IncidentId { get; init; }
}

public sealed class OfferResourcesCommandValidator : AbstractValidator<OfferResourcesCommand>
{
    public OfferResourcesCommandValidator(TimeProvider clock)
    {
        this.AddOfferRules(clock);
        RuleFor(x => x.Answer)
            .Must(answer => answer is null or OfferAnswer.Accept)
            .WithMessage(_ => Texts.Get("Validation.Requests.UnsolicitedOfferOfferLeave"));
    }
}

public sealed class OfferResourcesCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<OfferResourcesCommand, OfferDto>
{
    public async ValueTask<OfferDto> Handle(OfferResourcesCommand command, CancellationToken cancellationToken)
    {
        await db.OpenIncidentStateAsync(command.IncidentId, cancellationToken);
        return await OfferRules.MakeAsync(db, user, clock, command.IncidentId, null, null, command, cancellationToken);
    }
}
