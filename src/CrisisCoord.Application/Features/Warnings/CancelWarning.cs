using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Warnings;
using FluentValidation;
using Mediator;

namespace CrisisCoord.Application.Features.Warnings;

/// <summary>Withdraws a warning: one that went out issues a CAP Cancel (the reason as its note); a draft is set aside.</summary>
[RecordedAs(typeof(Warning))]
[Performs(Act.CancelWarning)]
public sealed record CancelWarningCommand : ICommand<WarningDto>, IWarningMessage
{
    public Guid WarningId { get; init; }

    public uint? Version { get; init; }

    public string? Reason { get; init; }
}

public sealed class CancelWarningCommandValidator : AbstractValidator<CancelWarningCommand>
{
    public const int ReasonMaxLength = 500;

    public CancelWarningCommandValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage(_ => Texts.Get("Validation.Warnings.GiveReasonReadersCancellation"))
            .MaximumLength(ReasonMaxLength).NoMarkup().PlainText();
}

public sealed class CancelWarningCommandHandler(AppDbContext db, WarningIssuer issuer, AccessPolicy access, TimeProvider clock)
    : ICommandHandler<CancelWarningCommand, WarningDto>
{
    public async ValueTask<WarningDto> Handle(CancelWarningCommand command, CancellationToken cancellationToken)
    {
        var warning = await db.LoadForChangeAsync(command.WarningId, command.Version, cancellationToken);
        if (warning.Cancel(clock.GetUtcNow()) is { } type)
        {
            await issuer.IssueAsync(warning, type, command.Reason!.Trim(), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.ReadBackAsync(access, warning.Id, cancellationToken);
    }
}
