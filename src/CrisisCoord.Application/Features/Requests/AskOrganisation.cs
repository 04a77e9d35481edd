using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Notifications;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Requests;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Requests;

/// <summary>The coordinator asks one candidate organisation to answer the request.</summary>
[RecordedAs(typeof(RequestAddressee))]
[Performs(Act.AskOrganisation)]
public sealed record AskOrganisationCommand : ICommand<ResourceRequestDto>, IResourceRequestMessage
{
    public Guid RequestId { get; init; }

    public Guid? OrganisationId { get; init; }
}

public sealed class AskOrganisationCommandValidator : AbstractValidator<AskOrganisationCommand>
{
    public AskOrganisationCommandValidator(AppDbContext db) =>
        RuleFor(x => x.OrganisationId)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Requests.SayWhichOrganisationAsk"))
            .MustAsync((id, ct) => db.Organisations.AnyAsync(o => o.Id == id, ct))
            .When(x => x.OrganisationId is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage(_ => Texts.Get("Validation.Charters.ThereSuchOrganisation"));
}

public sealed class AskOrganisationCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, Notifier notifier)
    : ICommandHandler<AskOrganisationCommand, ResourceRequestDto>
{
    public async ValueTask<ResourceRequestDto> Handle(AskOrganisationCommand command, CancellationToken cancellationToken)
    {
        var request = await db.LoadOpenRequestAsync(command.RequestId, cancellationToken);
        var organisation = command.OrganisationId!.Value;
        if (await db.RequestAddressees.AnyAsync(a => a.RequestId == request.Id && a.OrganisationId == organisation, cancellationToken))
        {
            throw new DomainRuleException(new("Rule.Request.AlreadyAsked", "This organisation has already been asked."));
        }

        db.RequestAddressees.Add(RequestAddressee.Ask(request, organisation, user.UserId, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        var type = await db.ResourceTypes.AsNoTracking().Where(t => t.Id == request.ResourceTypeId).Select(t => new { t.Name, t.Unit }).SingleAsync(cancellationToken);
        await notifier.RequestAskedAsync(request.Id, organisation, request.Quantity, type.Unit, type.Name, cancellationToken);
        return await RequestThreads.LoadOneAsync(db, request.Id, cancellationToken);
    }
}
