using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;

namespace CrisisCoord.UnitTests.Security;

/// <summary>
/// Fail-closed by construction: every command and query names the act it performs, every act has a row in
/// the rules table, and every message names the subject its act acts on. A new message that forgets any of
/// this fails here (and is refused at run time).
/// </summary>
public sealed class AccessRuleCoverageTests
{
    private static readonly Type[] Messages = [.. typeof(AppDbContext).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMessage).IsAssignableFrom(t))];

    private static readonly Dictionary<SubjectKind, Type?> SubjectInterfaces = new()
    {
        [SubjectKind.Public] = null,
        [SubjectKind.Self] = null,
        [SubjectKind.Registry] = null,
        [SubjectKind.Organisation] = typeof(IOrganisationMessage),
        [SubjectKind.Resource] = typeof(IResourceMessage),
        [SubjectKind.Incident] = typeof(IIncidentMessage),
        [SubjectKind.Objective] = typeof(IObjectiveMessage),
        [SubjectKind.Task] = typeof(ITaskMessage),
        [SubjectKind.Request] = typeof(IResourceRequestMessage),
        [SubjectKind.Offer] = typeof(IResourceOfferMessage),
        [SubjectKind.Commitment] = typeof(IResourceCommitmentMessage),
        [SubjectKind.Warning] = typeof(IWarningMessage),
        [SubjectKind.Photo] = typeof(IPhotoMessage),
        [SubjectKind.CheckIn] = typeof(ICheckInMessage),
        [SubjectKind.RecoveryProject] = typeof(IRecoveryProjectMessage),
        [SubjectKind.Shelter] = typeof(IShelterMessage),
    };

    public static TheoryData<string> MessageNames => [.. Messages.Select(t => t.FullName!)];

    [Fact]
    public void The_application_has_commands_and_queries_to_check()
    {
        Messages.Count(t => typeof(IBaseQuery).IsAssignableFrom(t)).ShouldBeGreaterThan(20);
        Messages.Count(t => !typeof(IBaseQuery).IsAssignableFrom(t)).ShouldBeGreaterThan(20);
    }

    [Theory]
    [MemberData(nameof(MessageNames))]
    public void Every_message_performs_an_act_that_has_a_rule(string messageName)
    {
        var message = Messages.Single(t => t.FullName == messageName);

        var act = AccessPolicy.ActOf(message);

        act.ShouldNotBeNull($"{message.Name} has no [Performs]: nobody could send it");
        AccessRules.Table.ShouldContainKey(act.Value, $"{act} has no row in AccessRules.Table");
    }

    [Theory]
    [MemberData(nameof(MessageNames))]
    public void Every_message_names_the_subject_its_act_acts_on(string messageName)
    {
        var message = Messages.Single(t => t.FullName == messageName);
        var on = AccessRules.RuleFor(AccessPolicy.ActOf(message)!.Value).On;

        var named = SubjectInterfaces.Values.Where(i => i is not null && i.IsAssignableFrom(message)).ToList();

        if (SubjectInterfaces[on] is { } expected)
        {
            named.ShouldBe([expected], $"{message.Name} performs an act on {on}, so it must name one {expected.Name} and no other subject");
        }
        else
        {
            named.ShouldBeEmpty($"{message.Name} acts on {on}, which has no id, yet names a subject");
        }
    }

    [Fact]
    public void Every_act_has_a_rule_and_every_rule_names_existing_roles()
    {
        Enum.GetValues<Act>().ShouldAllBe(act => AccessRules.Table.ContainsKey(act));
        AccessRules.Table.Values.SelectMany(r => r.Roles).ShouldAllBe(role => Roles.All.Contains(role));
    }

    [Fact]
    public void Only_sign_in_registration_the_mailed_links_and_public_warnings_are_open_to_anyone()
    {
        AccessRules.Table.Where(r => r.Value.On == SubjectKind.Public).Select(r => r.Key)
            .ShouldBe([Act.SignIn, Act.RegisterAsCitizen, Act.ListCitizenGroups, Act.ConfirmEmail, Act.RequestPasswordReset, Act.ResetPassword, Act.ReadPublicWarnings], ignoreOrder: true);
    }

    [Fact]
    public async Task A_message_with_no_act_is_refused_before_anything_is_read()
    {
        var policy = new AccessPolicy(null!, new AccessRules(CrisisCoord.Domain.Incidents.GradedResponse.Default), new SignedIn(), new SecurityLog(Microsoft.Extensions.Logging.Abstractions.NullLogger<SecurityLog>.Instance));

        var refusal = await Should.ThrowAsync<AccessDeniedException>(() => policy.AuthorizeAsync(new UndeclaredQuery(), default).AsTask());

        refusal.Message.ShouldBe("No rule says who may do this, so nobody may.");
    }

    private sealed record UndeclaredQuery : IQuery<int>;

    private sealed class SignedIn : ICurrentUser
    {
        public bool IsAuthenticated => true;

        public Guid? UserId { get; } = Guid.NewGuid();

        public Guid? OrganisationId { get; } = Guid.NewGuid();

        public Guid? SessionId => null;

        public string? ClientAddress => null;

        public bool IsInRole(string role) => role == Roles.Administrator;
    }
}
