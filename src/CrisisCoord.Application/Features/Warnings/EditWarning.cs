using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Warnings;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Warnings;

/// <summary>
/// Changes what a warning says. A draft simply changes; a warning already out issues a CAP Update, so this
/// needs the same approval as publishing.
/// </summary>
[RecordedAs(typeof(Warning))]
[Performs(Act.EditWarning)]
public sealed record EditWarningCommand : ICommand<WarningDto>, IWarningMessage, IWarningFields
{
    public Guid WarningId { get; init; }

    /// <summary>The version the sender saw (If-Match); the change is refused if the warning changed since.</summary>
    public uint? Version { get; init; }

    public string? Event { get; init; }

    public string? Headline { get; init; }

    public string? Description { get; init; }

    public string? Instruction { get; init; }

    public IReadOnlyList<CapResponseType>? ResponseTypes { get; init; }

    public CapUrgency? Urgency { get; init; }

    public CapCertainty? Certainty { get; init; }

    public string? Audience { get; init; }

    public DateTimeOffset? Onset { get; init; }

    public DateTimeOffset? Effective { get; init; }

    public DateTimeOffset? Expires { get; init; }

    public WarningScope? Scope { get; init; }

    public string? Restriction { get; init; }

    public IReadOnlyList<Guid>? Recipients { get; init; }

    public IReadOnlyList<WarningAreaInput>? Areas { get; init; }

    /// <summary>The form, filled with what the warning says now.</summary>
    public static EditWarningCommand From(WarningDto warning) => new()
    {
        WarningId = warning.Id,
        Version = warning.Version,
        Event = warning.Event,
        Headline = warning.Headline,
        Description = warning.Description,
        Instruction = warning.Instruction,
        ResponseTypes = warning.ResponseTypes,
        Urgency = warning.Urgency,
        Certainty = warning.Certainty,
        Audience = warning.Audience,
        Onset = warning.Onset,
        Effective = warning.Effective,
        Expires = warning.Expires,
        Scope = warning.Scope,
        Restriction = warning.Restriction,
        Recipients = [.. warning.Recipients.Select(r => r.Id)],
        Areas = [.. warning.Areas.Select(WarningAreaInput.From)],
    };
}

public sealed class EditWarningCommandValidator : AbstractValidator<EditWarningCommand>
{
    public EditWarningCommandValidator(AppDbContext db, TimeProvider clock) => Include(new WarningFieldsValidator(db, clock));
}

public sealed class EditWarningCommandHandler(AppDbContext db, WarningIssuer issuer, AccessPolicy access, TimeProvider clock)
    : ICommandHandler<EditWarningCommand, WarningDto>
{
    public async ValueTask<WarningDto> Handle(EditWarningCommand command, CancellationToken cancellationToken)
    {
        var warning = await db.LoadForChangeAsync(command.WarningId, command.Version, cancellationToken);
        if (warning.Edit(command.ToContent(), clock.GetUtcNow()) is { } type)
        {
            await issuer.IssueAsync(warning, type, "", cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.ReadBackAsync(access, warning.Id, cancellationToken);
    }
}
