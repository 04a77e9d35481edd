using System.Reflection;
using CrisisCoord.Application.Data;
using CrisisCoord.Application.Security;
using Mediator;

namespace CrisisCoord.UnitTests.Security;

/// <summary>
/// Every command must say who may send it. Queries are open to any signed-in person by default, but a
/// command without a rule would let anyone who can sign in change data, so its absence is a defect.
/// </summary>
public sealed class AccessRuleCoverageTests
{
    private static readonly Type[] Messages = [.. typeof(AppDbContext).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMessage).IsAssignableFrom(t))];

    /// <summary>Everything that is not a query: commands, and requests kept outside a transaction on purpose.</summary>
    public static TheoryData<string> Commands =>
        [.. Messages.Where(t => !typeof(IBaseQuery).IsAssignableFrom(t)).Select(t => t.FullName!)];

    [Fact]
    public void The_application_has_commands_to_check()
    {
        Commands.Count.ShouldBeGreaterThan(5);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_declares_its_roles_or_is_explicitly_anonymous(string commandName)
    {
        var command = Messages.Single(t => t.FullName == commandName);

        var declared = command.GetCustomAttribute<RequiresRoleAttribute>() is { Roles.Count: > 0 }
            || command.GetCustomAttribute<AllowAnonymousAccessAttribute>() is not null
            || command.GetCustomAttribute<AnySignedInPersonAttribute>() is not null;

        declared.ShouldBeTrue($"{command.Name} has none of [RequiresRole], [AnySignedInPerson], [AllowAnonymousAccess]");
    }

    [Fact]
    public void Roles_named_in_rules_all_exist()
    {
        var named = Messages
            .Select(t => t.GetCustomAttribute<RequiresRoleAttribute>())
            .Where(a => a is not null)
            .SelectMany(a => a!.Roles)
            .Distinct();

        named.ShouldAllBe(role => Roles.All.Contains(role));
    }
}
