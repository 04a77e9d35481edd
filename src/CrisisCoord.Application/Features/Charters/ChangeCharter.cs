using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Organisations;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Charters;

/// <summary>
/// An administrator sets the phases (and legal basis) of one right or obligation: for a kind of
/// organisation (<see cref="Kind"/>) or, overriding that, for one organisation (<see cref="OrganisationId"/>).
/// Every change is logged with who made it, when, and what it was before.
/// </summary>
[RecordedAs(typeof(CharterChange))]
[Performs(Act.ChangeCharter)]
public sealed record ChangeCharterCommand : ICommand<CharterChangeDto>
{
    /// <summary>The kind whose default to change; not needed for an organisation's override.</summary>
    public OrganisationKind? Kind { get; init; }

    public Guid? OrganisationId { get; init; }

    /// <summary>A right or obligation by name, e.g. "ReportIncident" or "Obligation.SubmitSitRep".</summary>
    public string? Item { get; init; }

    /// <summary>Phase names among Warning, Response and Recovery; an empty list for none.</summary>
    public IReadOnlyList<string>? Phases { get; init; }

    public string? LegalBasis { get; init; }
}

public sealed class ChangeCharterCommandValidator : AbstractValidator<ChangeCharterCommand>
{
    public ChangeCharterCommandValidator(AppDbContext db)
    {
        RuleFor(x => x.Kind)
            .NotNull().When(x => x.OrganisationId is null)
            .WithMessage(_ => Texts.Get("Validation.Charters.ChooseKindOrganisationWhose"))
            .Known();
        RuleFor(x => x.OrganisationId)
            .MustAsync(async (id, ct) => await db.Organisations.AnyAsync(o => o.Id == id, ct))
            .When(x => x.OrganisationId is not null)
            .WithMessage(_ => Texts.Get("Validation.Charters.ThereSuchOrganisation"));
        RuleFor(x => x.Kind)
            .MustAsync(async (command, kind, ct) =>
                !await db.Organisations.AnyAsync(o => o.Id == command.OrganisationId && o.Kind != kind, ct))
            .When(x => x.OrganisationId is not null && x.Kind is not null)
            .WithMessage(_ => Texts.Get("Validation.Charters.OrganisationAnotherKindLeave"));
        RuleFor(x => x.Item)
            .NotEmpty().WithMessage(_ => Texts.Format("Validation.Charters.ChooseRightObligation", string.Join(", ", CharterLines.AllowedNames)))
            .Must(v => CharterLines.TryParseItem(v, out _))
            .WithMessage(x => CharterLines.ItemNotValidMessage(x.Item));
        RuleFor(x => x.Phases)
            .NotNull().WithMessage(_ => Texts.Format("Validation.Charters.GivePhasesAmongEmpty", CharterLines.AllowedPhases))
            .PhaseNames();
        RuleFor(x => x.LegalBasis)
            .MaximumLength(CharterEntry.LegalBasisMaxLength)
            .PlainText()
            .WithName(_ => Texts.Get("Validation.Name.LegalBasis"));
    }
}

public sealed class ChangeCharterCommandHandler(AppDbContext db, ICurrentUser user, TimeProvider clock, SecurityLog log)
    : ICommandHandler<ChangeCharterCommand, CharterChangeDto>
{
    public async ValueTask<CharterChangeDto> Handle(ChangeCharterCommand command, CancellationToken cancellationToken)
    {
        CharterLines.TryParseItem(command.Item, out var item);
        CharterLines.TryParsePhases(command.Phases, out var phases);
        var legalBasis = (command.LegalBasis ?? "").Trim();
        var organisationId = command.OrganisationId;
        var organisation = organisationId is null
            ? null
            : await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
                .Select(o => new { o.Name, o.Kind }).SingleAsync(cancellationToken);
        var kind = organisation?.Kind ?? command.Kind!.Value;

        var entries = await db.CharterEntries
            .Where(e => e.Kind == kind && e.Right == item.Right && e.Obligation == item.Obligation
                && (e.OrganisationId == null || e.OrganisationId == organisationId))
            .ToListAsync(cancellationToken);
        var own = entries.SingleOrDefault(e => e.OrganisationId == organisationId);
        // What was in force for the target before: for a new override, the kind's charter it replaces.
        var inForce = own ?? entries.SingleOrDefault(e => e.OrganisationId == null);
        (Phases Phases, string LegalBasis) from = inForce is null ? (item.DefaultFor(kind), "") : (inForce.Phases, inForce.LegalBasis);

        if (phases == from.Phases && legalBasis == from.LegalBasis)
        {
            throw new ValidationException([new ValidationFailure(
                nameof(ChangeCharterCommand.Phases),
                new Phrase(
                    "Charters.Change.NothingToChange",
                    "Nothing to change: {0} already has {1} in {2} with the same legal basis.",
                    organisation?.Name ?? (object)new Phrase("Charters.Change.KindDefault", "the {0} default", new Term(kind)),
                    Phrases.InEnglish ? item.Name : Texts.Get($"Organisations.Item.{item.Key}"),
                    CharterLines.DescribeForReader(phases)).Say())]);
        }

        var by = user.UserId!.Value;
        var now = clock.GetUtcNow();
        if (own is null)
        {
            db.CharterEntries.Add(CharterEntry.For(kind, organisationId, item, phases, legalBasis, by, now));
        }
        else
        {
            own.Change(phases, legalBasis, by, now);
        }

        var change = CharterChange.Record(kind, organisationId, item, from, (phases, legalBasis), by, now);
        db.CharterChanges.Add(change);
        await db.SaveChangesAsync(cancellationToken);
        log.CharterChanged(organisationId ?? Guid.Empty, $"{kind} {item.Name}: {CharterLines.Describe(from.Phases)} → {CharterLines.Describe(phases)}", by, user.ClientAddress);

        var byName = await db.Users.Where(u => u.Id == by).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        return CharterChangeDto.From(change, organisation?.Name, byName);
    }
}
