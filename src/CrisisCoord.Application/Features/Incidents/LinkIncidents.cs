using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Common;
using CrisisCoord.Domain.Incidents;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Features.Incidents;

/// <summary>
/// Links an incident to a related one — "this earthquake caused that leak" — shown on both pages and recorded on
/// both timelines. One link per pair, whichever way round.
/// </summary>
[RecordedAs(typeof(IncidentLink))]
[Performs(Act.LinkIncidents)]
public sealed record LinkIncidentsCommand : ICommand<IncidentLinkDto>, IIncidentMessage
{
    public Guid IncidentId { get; init; }

    public Guid? RelatedIncidentId { get; init; }

    /// <summary>Caused (this incident caused the related one) or RelatedTo.</summary>
    public IncidentRelation? Relation { get; init; }

    public string? Note { get; init; }
}

public sealed class LinkIncidentsCommandValidator : AbstractValidator<LinkIncidentsCommand>
{
    public LinkIncidentsCommandValidator(AppDbContext db)
    {
        RuleFor(x => x.RelatedIncidentId)
            .NotEmpty().WithMessage(_ => Texts.Get("Validation.Incidents.ChooseRelatedIncident"))
            .Must((command, related) => related != command.IncidentId).WithMessage(_ => Texts.Get("Validation.Incidents.CannotLinkToItself"))
            .MustAsync((related, ct) => db.Incidents.AnyAsync(i => i.Id == related, ct)).WithMessage(_ => Texts.Get("Validation.Incidents.ThereIncidentId"))
            .WithName(_ => Texts.Get("Validation.Name.RelatedIncident"));
        RuleFor(x => x.Relation)
            .NotNull().WithMessage(_ => Texts.Get("Validation.Incidents.SayHowIncidentsRelated"))
            .Known().WithMessage(x => EnumText.NotValidMessage<IncidentRelation>(x.Relation.ToString()));
        RuleFor(x => x.Note).MaximumLength(IncidentLink.NoteMaxLength).PlainText();
    }
}

public sealed class LinkIncidentsCommandHandler(AppDbContext db, TimelineRecorder timeline, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<LinkIncidentsCommand, IncidentLinkDto>
{
    public async ValueTask<IncidentLinkDto> Handle(LinkIncidentsCommand command, CancellationToken cancellationToken)
    {
        var related = command.RelatedIncidentId!.Value;
        if (await db.IncidentLinks.AnyAsync(
                l => (l.IncidentId == command.IncidentId && l.RelatedIncidentId == related) || (l.IncidentId == related && l.RelatedIncidentId == command.IncidentId),
                cancellationToken))
        {
            throw new DomainRuleException(new("Rule.Link.Already", "These incidents are already linked; unlink them first to say it differently."));
        }

        var link = IncidentLink.Between(command.IncidentId, related, command.Relation!.Value, command.Note ?? "", user.UserId, clock.GetUtcNow());
        db.IncidentLinks.Add(link);
        timeline.AlsoRecordOn(related);
        await db.SaveChangesAsync(cancellationToken);
        return (await IncidentLinkDto.ForIncidentAsync(db, command.IncidentId, cancellationToken)).Single(l => l.Id == link.Id);
    }
}
