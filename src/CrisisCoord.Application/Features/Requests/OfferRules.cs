using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Requests;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Requests;

/// <summary>What an offer says, whether it answers a request or is made unasked.</summary>
public abstract record OfferFields
{
    /// <summary>Accept, Provisional or Decline (answers only; an unsolicited offer is an Accept).</summary>
    public OfferAnswer? Answer { get; init; }

    /// <summary>One of the organisation's own resources, of the type asked for; not needed to decline.</summary>
    public Guid? ResourceId { get; init; }

    public decimal? Quantity { get; init; }

    public DateTimeOffset? EstimatedArrival { get; init; }

    /// <summary>Conditions, or (required) why the organisation declines.</summary>
    public string? Note { get; init; }

    public OfferAnswer ParsedAnswer => Answer ?? OfferAnswer.Accept;
}

public static class OfferRules
{
    public static void AddOfferRules<T>(this AbstractValidator<T> validator, TimeProvider clock)
        where T : OfferFields
    {
        validator.RuleFor(x => x.Answer).Known().WithMessage(x => EnumText.NotValidMessage<OfferAnswer>(x.Answer.ToString()));
        validator.RuleFor(x => x.Note)
            .NotEmpty().When(x => x.ParsedAnswer == OfferAnswer.Decline).WithMessage(_ => Texts.Get("Validation.Requests.SayWhyOrganisationDeclines"));
        validator.RuleFor(x => x.Note).MaximumLength(ResourceOffer.NoteMaxLength).PlainText();
        validator.RuleFor(x => x.ResourceId)
            .NotNull().When(x => x.ParsedAnswer != OfferAnswer.Decline).WithMessage(_ => Texts.Get("Validation.Requests.ChooseWhichResourcesOffer"));
        validator.RuleFor(x => x.Quantity)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Requests.SayHowManyOffer"))
            .GreaterThan(0).WithMessage(_ => Texts.Get("Validation.Requests.OfferMoreThanZero"))
            .Must(q => q is null || decimal.Round(q.Value, 2) == q.Value).WithMessage(_ => Texts.Get("Validation.Recovery.QuantityMostTwoDecimals"))
            .When(x => x.ParsedAnswer != OfferAnswer.Decline);
        validator.RuleFor(x => x.EstimatedArrival)
            .Must(t => t > clock.GetUtcNow())
            .When(x => x.EstimatedArrival is not null && x.ParsedAnswer != OfferAnswer.Decline)
            .WithMessage(_ => Texts.Get("Validation.Requests.EstimatedArrivalPastGive"));
    }

    /// <summary>
    /// Makes the offer from the sender's own organisation. The resource must be theirs, of the type wanted
    /// (when answering a request) and hold at least the quantity offered beyond what is already committed.
    /// </summary>
    public static async Task<OfferDto> MakeAsync(
        AppDbContext db, ICurrentUser user, TimeProvider clock, Guid incidentId, Guid? requestId, Guid? typeId, OfferFields fields, CancellationToken ct)
    {
        var organisation = user.OrganisationId ?? throw new NotAuthenticatedException();
        var answer = fields.ParsedAnswer;
        if (answer != OfferAnswer.Decline)
        {
            // Which resource the offer comes from is part of what is said, so a wrong one is a field error.
            var resource = await db.Resources.AsNoTracking().SingleOrDefaultAsync(r => r.Id == fields.ResourceId && r.OrganisationId == organisation, ct)
                ?? throw new ValidationException([new ValidationFailure(nameof(OfferFields.ResourceId), "Choose one of your own organisation's resources.")]);
            if (typeId is { } wanted && resource.ResourceTypeId != wanted)
            {
                throw new DomainRuleException(new("Rule.Offer.WrongType", "That resource is not of the type the request asks for."));
            }

            if (fields.Quantity > resource.Available)
            {
                throw new DomainRuleException(new("Rule.Offer.TooMuch", "That resource has {0:0.##} left to offer; offer at most that.", resource.Available));
            }
        }

        var offer = ResourceOffer.Make(
            incidentId, requestId, organisation, fields.ResourceId, answer, fields.Quantity ?? 0, fields.EstimatedArrival, fields.Note ?? "", user.UserId, clock.GetUtcNow());
        db.ResourceOffers.Add(offer);
        await db.SaveChangesAsync(ct);
        return (await RequestThreads.OffersAsync(db, db.ResourceOffers.Where(o => o.Id == offer.Id), ct)).Single();
    }
}
