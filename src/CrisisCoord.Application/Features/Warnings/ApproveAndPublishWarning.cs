using CrisisCoord.Application.Data;
using CrisisCoord.Application.Notifications;
using CrisisCoord.Application.Security;
using CrisisCoord.Application.Timeline;
using CrisisCoord.Domain.Warnings;
using Mediator;

namespace CrisisCoord.Application.Features.Warnings;

/// <summary>
/// A coordinator of the incident approves a draft and it goes out as a CAP Alert, in the name of the
/// approver's organisation (or the drafter alone, where Warnings:DrafterMayPublishAloneUpToGrade allows).
/// </summary>
[RecordedAs(typeof(Warning))]
[Performs(Act.PublishWarning)]
public sealed record ApproveAndPublishWarningCommand : ICommand<WarningDto>, IWarningMessage
{
    public Guid WarningId { get; init; }

    /// <summary>The version the approver saw: they approve what they read, not a later edit.</summary>
    public uint? Version { get; init; }
}

public sealed class ApproveAndPublishWarningCommandHandler(AppDbContext db, ICurrentUser user, WarningIssuer issuer, AccessPolicy access, Notifier notifier, TimeProvider clock)
    : ICommandHandler<ApproveAndPublishWarningCommand, WarningDto>
{
    public async ValueTask<WarningDto> Handle(ApproveAndPublishWarningCommand command, CancellationToken cancellationToken)
    {
        var warning = await db.LoadForChangeAsync(command.WarningId, command.Version, cancellationToken);
        var organisation = user.OrganisationId ?? throw new NotAuthenticatedException();
        var type = warning.Publish(user.UserId!.Value, organisation, clock.GetUtcNow());
        await issuer.IssueAsync(warning, type, "", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (type == CapMessageType.Alert)
        {
            // Saved first, so the rules deciding who may read it see it published.
            await notifier.WarningInAreaAsync(warning, cancellationToken);
        }

        return await db.ReadBackAsync(access, warning.Id, cancellationToken);
    }
}
