using System.Net;
using System.Net.Http.Json;
using CrisisCoord.Domain.Timeline;
using CrisisCoord.IntegrationTests.Infrastructure;
using CrisisCoord.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisCoord.IntegrationTests.Operations;

/// <summary>`--create-admin`: the first administrator of a portal that started empty, and only the first.</summary>
public sealed class CreateFirstAdministratorTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task Creates_an_administrator_who_can_sign_in_recorded_as_the_systems_act_and_only_once()
    {
        (await CreateAsync("first@example.org", "a-long-password-1")).ShouldBeNull();

        var token = await App.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = "first@example.org", password = "a-long-password-1" });
        token.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var db = App.Database.CreateContext())
        {
            var created = await db.TimelineEvents.Where(e => e.ChainId == TimelineChains.Registry).OrderBy(e => e.Sequence).LastAsync();
            created.Action.ShouldBe("CreateUser");
            created.ActorUserId.ShouldBeNull();
        }

        (await CreateAsync("second@example.org", "a-long-password-2")).ShouldNotBeNull().ShouldContain("already an administrator");
        await using var check = App.Database.CreateContext();
        (await check.Users.CountAsync()).ShouldBe(1);
    }

    [Theory]
    [InlineData("not-an-address", "a-long-password-1", "E-mail address")]
    [InlineData("first@example.org", "short", "Password")]
    public async Task Refuses_a_bad_address_or_password_naming_it_and_writes_nothing(string email, string password, string named)
    {
        (await CreateAsync(email, password)).ShouldNotBeNull().ShouldContain(named);

        await using var db = App.Database.CreateContext();
        (await db.Users.CountAsync()).ShouldBe(0);
    }

    private async Task<string?> CreateAsync(string email, string password)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await CreateFirstAdministrator.CreateAsync(scope.ServiceProvider, email, "First Administrator", password, CancellationToken.None);
    }
}
