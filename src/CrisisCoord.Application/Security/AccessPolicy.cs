using System.Collections.Concurrent;
using System.Reflection;
using CrisisCoord.Application.Common;
using CrisisCoord.Application.Security.AccessTokens;
using CrisisCoord.Domain.Common;
using Mediator;

namespace CrisisCoord.Application.Security;

/// <summary>
/// The one gate: every command and query passes <see cref="AuthorizeAsync"/> in the pipeline, which loads what
/// the message acts on and asks <see cref="AccessRules"/> whether this reader may perform the message's act
/// on it. Composite reads ask <see cref="CapabilitiesAsync(Subject, CancellationToken)"/> for what the reader
/// may do next. Handlers never check who is asking.
/// </summary>
public sealed class AccessPolicy(Subjects subjects, AccessRules rules, ICurrentUser user, SecurityLog log)
{
    private static readonly ConcurrentDictionary<Type, Act?> Acts = new();

    private Reader? _reader;

    /// <summary>The subject a query was authorized on, so the query's own capabilities need not load it again.</summary>
    private Subject? _authorized;

    /// <summary>The act a message type performs; null when it declares none (and is therefore refused).</summary>
    public static Act? ActOf(Type messageType) =>
        Acts.GetOrAdd(messageType, type => type.GetCustomAttribute<PerformsAttribute>()?.Act);

    public async ValueTask AuthorizeAsync(object message, CancellationToken ct)
    {
        if (ActOf(message.GetType()) is not { } act)
        {
            throw new AccessDeniedException(new Phrase("Denied.NoRule", "No rule says who may do this, so nobody may."));
        }

        var rule = AccessRules.RuleFor(act);
        if (user.AccessToken is { } scope && WhyNotWithToken(scope, rule, message) is { } refused)
        {
            log.Refused(403, user.UserId, user.ClientAddress, act.ToString(), refused.ToString());
            throw new AccessDeniedException(refused);
        }

        if (rule.On == SubjectKind.Public)
        {
            return;
        }

        if (!user.IsAuthenticated)
        {
            log.Refused(401, null, user.ClientAddress, act.ToString(), "not signed in");
            throw new NotAuthenticatedException();
        }

        if (message is IBaseCommand)
        {
            // A command changes the facts: nothing read before it is reused after it.
            subjects.Forget();
            _authorized = null;
        }

        var me = await ReaderAsync(ct);
        var subject = await SubjectAsync(rule.On, Subjects.IdOf(rule.On, message), ct);
        var decision = rules.Decide(act, subject, me);
        if (decision.Refusal != Refusal.None)
        {
            log.Refused(StatusOf(decision.Refusal), user.UserId, user.ClientAddress, $"{act} {subject.Kind} {subject.Id}", decision.Reason?.ToString() ?? decision.Refusal.ToString());
        }

        Enforce(decision, subject);
        if (message is IBaseCommand)
        {
            // Read before the change: not to be reused by anything that reads after it.
            subjects.Forget();
        }
        else
        {
            _authorized = subject;
        }
    }

    /// <summary>
    /// Decides the act on a second subject a command changes besides its own (the incident a duplicate is merged
    /// into), answering a refusal exactly as the gate does.
    /// </summary>
    public async Task EnsureAsync(Act act, SubjectKind kind, Guid id, CancellationToken ct)
    {
        var subject = await subjects.LoadAsync(kind, id, await ReaderAsync(ct), ct);
        var decision = rules.Decide(act, subject, await ReaderAsync(ct));
        if (decision.Refusal != Refusal.None)
        {
            log.Refused(StatusOf(decision.Refusal), user.UserId, user.ClientAddress, $"{act} {subject.Kind} {subject.Id}", decision.Reason?.ToString() ?? decision.Refusal.ToString());
        }

        Enforce(decision, subject);
    }

    /// <summary>What a message acts on, with its facts: the one the current query was authorized on, or loaded now.</summary>
    public async Task<Subject> SubjectAsync(SubjectKind kind, Guid? id, CancellationToken ct) =>
        _authorized is { } known && known.Kind == kind && known.Id == id
            ? known
            : await subjects.LoadAsync(kind, id, await ReaderAsync(ct), ct);

    /// <summary>Who is asking, loaded once per request.</summary>
    public async Task<Reader> ReaderAsync(CancellationToken ct) => _reader ??= await subjects.ReaderAsync(user, ct);

    public async Task<Capabilities> CapabilitiesAsync(Subject subject, CancellationToken ct) =>
        rules.CapabilitiesOf(subject, await ReaderAsync(ct));

    /// <summary>Decides capabilities for many subjects already loaded (a board's tasks, a thread's offers) without more queries.</summary>
    public async Task<Func<Subject, Capabilities>> DeciderAsync(CancellationToken ct)
    {
        var me = await ReaderAsync(ct);
        return subject => rules.CapabilitiesOf(subject, me);
    }

    public async Task<Capabilities> CapabilitiesAsync(SubjectKind kind, Guid? id, CancellationToken ct) =>
        await CapabilitiesAsync(await SubjectAsync(kind, id, ct), ct);

    public Task<IncidentFacts> IncidentFactsAsync(Guid id, CancellationToken ct) => subjects.IncidentAsync(id, ct);

    public Task<IReadOnlyDictionary<Guid, IncidentFacts>> IncidentFactsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) => subjects.IncidentsAsync(ids, ct);

    /// <summary>Beyond this many incidents, <see cref="DetailShownAsync"/> asks the database rather than reading their facts.</summary>
    public const int ManyIncidents = 100;

    /// <summary>Whether the reader sees these incidents' non-public detail, decided row by row with the one rule.</summary>
    public async Task<HashSet<Guid>> DetailShownAsync(IReadOnlyCollection<Guid> incidents, CancellationToken ct)
    {
        var me = await ReaderAsync(ct);
        if (incidents.Count > ManyIncidents)
        {
            // The rule's query form (held to the same answers by a test): PostgreSQL answers with the ids alone,
            // rather than sending every participant of thousands of incidents to be decided here.
            return await subjects.DetailShownAsync(rules, me, incidents, ct);
        }

        var facts = await subjects.IncidentsAsync(incidents, ct);
        return [.. facts.Values.Where(f => rules.SeesDetail(me, f)).Select(f => f.Id)];
    }

    /// <summary>
    /// What a personal access token may not do, whatever its owner may: a read-only one sends queries only (fail-closed:
    /// anything not known to be a query is a write), and none manages tokens or its owner's sign-in.
    /// </summary>
    private static Phrase? WhyNotWithToken(AccessTokenScope scope, Rule rule, object message) =>
        rule.RefusesAccessTokens
            ? new("Denied.TokenCannot", "A personal access token cannot do this: sign in with your password to manage tokens, sessions and your sign-in.")
            : scope == AccessTokenScope.ReadOnly && message is not IBaseQuery
                ? new("Denied.TokenReadOnly", "This personal access token is read-only: it can read but not change anything. Use a read-write token.")
                : null;

    /// <summary>Answers a refusal the one way: 401, 404 (may not know it exists), 403 with the reason, or 409 with the reason.</summary>
    private static int StatusOf(Refusal refusal) => refusal switch
    {
        Refusal.NotSignedIn => 401,
        Refusal.Hidden => 404,
        Refusal.Conflict => 409,
        _ => 403,
    };

    public static void Enforce(Decision decision, Subject subject)
    {
        switch (decision.Refusal)
        {
            case Refusal.None:
                return;
            case Refusal.NotSignedIn:
                throw new NotAuthenticatedException();
            case Refusal.Hidden:
                throw new NotFoundException(Subjects.Name(subject.Kind), subject.Id ?? Guid.Empty);
            case Refusal.Conflict:
                throw new DomainRuleException(decision.Reason!);
            default:
                throw new AccessDeniedException(decision.Reason!);
        }
    }
}
