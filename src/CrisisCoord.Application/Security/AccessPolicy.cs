using System.Collections.Concurrent;
using System.Reflection;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Data;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Incidents;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.Application.Security;

/// <summary>
/// The one place that decides what a person may do: role ∧ their organisation's charter right (in the
/// incident's phase, where there is one) ∧ scope (only your own organisation's records). Every command and
/// query passes through <see cref="AuthorizeAsync"/> in the pipeline; handlers that change an
/// organisation's record ask <see cref="EnsureOwnOrganisation"/> once they know whose record it is.
/// </summary>
public sealed class AccessPolicy(AppDbContext db, ICurrentUser user)
{
    private static readonly ConcurrentDictionary<Type, Rule> Rules = new();

    public async ValueTask AuthorizeAsync(object message, CancellationToken ct)
    {
        var rule = Rules.GetOrAdd(message.GetType(), Rule.For);
        if (rule.Anonymous)
        {
            return;
        }

        if (!user.IsAuthenticated)
        {
            throw new NotAuthenticatedException();
        }

        if (rule.Roles.Count > 0 && !rule.Roles.Any(user.IsInRole))
        {
            throw new AccessDeniedException($"This needs the role {string.Join(" or ", rule.Roles)}.");
        }

        // Auditors read everything and change nothing, whatever other role they may also have been given.
        if (message is IBaseCommand && !rule.AnySignedIn && user.IsInRole(Roles.Auditor))
        {
            throw new AccessDeniedException("Auditors read the record; they do not change it.");
        }

        if (message is IIncidentDetailMessage detail && !IncidentAccess.SeesEveryIncident(user))
        {
            await EnsureDetailShownAsync(detail.IncidentId, ct);
        }

        if (rule.Right is { } right)
        {
            var state = await IncidentStateOfAsync(message, ct);
            if (state is { } current && message is IBaseCommand)
            {
                // Closed or dismissed: nobody's rights apply any more, and saying so is more useful than "forbidden".
                current.EnsureOpen();
            }

            var phases = state?.Phase() ?? Phases.All;
            var held = await HeldPhasesAsync(right, ct);
            if ((held & phases) == Phases.None)
            {
                throw new AccessDeniedException(message is IIncidentMessage or ITaskMessage or IResourceRequestMessage or IResourceOfferMessage or IResourceCommitmentMessage
                    ? $"Your organisation's charter does not grant {right} in this incident's current phase."
                    : $"Your organisation's charter does not grant {right}.");
            }
        }
    }

    /// <summary>
    /// Whether someone with these roles may try to send <typeparamref name="TMessage"/> at all, so pages can
    /// hide actions a person's role can never perform. The full decision (charter, scope) stays in
    /// <see cref="AuthorizeAsync"/>.
    /// </summary>
    public static bool RoleMaySend<TMessage>(Func<string, bool> isInRole) => RoleMaySend(typeof(TMessage), isInRole);

    public static bool RoleMaySend(Type messageType, Func<string, bool> isInRole)
    {
        var rule = Rules.GetOrAdd(messageType, Rule.For);
        return rule.Anonymous || rule.Roles.Count == 0 || rule.Roles.Any(isInRole);
    }

    /// <summary>You change only your own organisation's records.</summary>
    public void EnsureOwnOrganisation(Guid ownerOrganisationId)
    {
        if (user.OrganisationId != ownerOrganisationId)
        {
            throw new AccessDeniedException("You can change only your own organisation's records.");
        }
    }

    private async Task EnsureDetailShownAsync(Guid incidentId, CancellationToken ct)
    {
        if (!await db.Incidents.AnyAsync(i => i.Id == incidentId, ct))
        {
            throw new NotFoundException("Incident", incidentId);
        }

        if ((await IncidentAccess.DetailShownAsync(db, user, [incidentId], ct)).Count == 0)
        {
            throw new AccessDeniedException("Only organisations taking part in this incident see its detail; ask to join it from the incident page.");
        }
    }

    public async Task<Phases> HeldPhasesAsync(Right right, CancellationToken ct)
    {
        var organisationId = user.OrganisationId ?? throw new NotAuthenticatedException();
        var kind = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == organisationId)
            .Select(o => o.Kind)
            .SingleAsync(ct);
        return await db.EffectivePhasesAsync(organisationId, kind, CharterItem.Of(right), ct);
    }

    /// <summary>
    /// The state of the incident a message is about (directly, or through one of its tasks, requests, offers or
    /// commitments); null when it is about none.
    /// </summary>
    private async Task<IncidentState?> IncidentStateOfAsync(object message, CancellationToken ct) => message switch
    {
        IIncidentMessage m => await StateOfAsync(db.Incidents.Where(i => i.Id == m.IncidentId).Select(i => i.Id), "Incident", m.IncidentId, ct),
        ITaskMessage m => await StateOfAsync(db.Tasks.Where(t => t.Id == m.Id).Select(t => t.IncidentId), "Task", m.Id, ct),
        // An empty id is a missing field: validation names it, after this.
        IResourceRequestMessage m when m.RequestId != Guid.Empty => await StateOfAsync(db.ResourceRequests.Where(r => r.Id == m.RequestId).Select(r => r.IncidentId), "Resource request", m.RequestId, ct),
        IResourceOfferMessage m when m.OfferId != Guid.Empty => await StateOfAsync(db.ResourceOffers.Where(o => o.Id == m.OfferId).Select(o => o.IncidentId), "Resource offer", m.OfferId, ct),
        IResourceCommitmentMessage m when m.CommitmentId != Guid.Empty => await StateOfAsync(db.ResourceCommitments.Where(c => c.Id == m.CommitmentId).Select(c => c.IncidentId), "Resource commitment", m.CommitmentId, ct),
        _ => null,
    };

    /// <summary>The state of the incident <paramref name="incidentOf"/> names, in one query; 404 naming the record when there is none.</summary>
    private async Task<IncidentState> StateOfAsync(IQueryable<Guid> incidentOf, string entity, Guid id, CancellationToken ct) =>
        await db.Incidents.AsNoTracking()
            .Where(i => incidentOf.Contains(i.Id))
            .Select(i => (IncidentState?)i.State)
            .SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException(entity, id);

    private sealed record Rule(bool Anonymous, bool AnySignedIn, IReadOnlyList<string> Roles, Right? Right)
    {
        public static Rule For(Type type) => new(
            type.GetCustomAttribute<AllowAnonymousAccessAttribute>() is not null,
            type.GetCustomAttribute<AnySignedInPersonAttribute>() is not null,
            type.GetCustomAttribute<RequiresRoleAttribute>()?.Roles ?? [],
            type.GetCustomAttribute<RequiresRightAttribute>()?.Right);
    }
}
