using System.Net;
using System.Net.Http.Json;
using CrisisCoord.Application.Security;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrisisCoord.IntegrationTests.Features.Account;

/// <summary>Account mails speak the recipient's saved language, else the language of the request that caused them.</summary>
public sealed class AccountMailLanguageTests(CrisisCoordApp app) : AppTest(app)
{
    [Fact]
    public async Task A_registration_made_in_chinese_is_confirmed_in_chinese()
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var registered = await client.PostAsJsonAsync("/api/v1/auth/registrations", new { displayName = "王芳", email = "zh.new@test.example", password = "a-good-password-42" });

        registered.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var mail = (await App.Mail.WaitForAsync("zh.new@test.example")).Single();
        mail.Subject.ShouldBe("确认您在CrisisCoord的电子邮件地址");
        (mail.TextBody ?? "").ShouldStartWith("您好：");
        (mail.TextBody ?? "").ShouldContain("链接有效期为一天。");
        (mail.TextBody ?? "").ShouldNotContain("Hello");
        AccountLinks.Of(mail).UserId.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_reset_goes_out_in_the_saved_language_whatever_the_request_spoke()
    {
        var actor = await App.CreateAsync(Roles.Coordinator);
        await using (var db = App.Database.CreateContext())
        {
            await db.Users.Where(u => u.Id == actor.UserId).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, "zh-CN"));
        }

        var english = App.CreateClient();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        (await english.PostAsJsonAsync("/api/v1/auth/password-reset-requests", new { email = actor.Email })).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var mail = (await App.Mail.WaitForAsync(actor.Email)).Single();
        mail.Subject.ShouldBe("重置您的CrisisCoord密码");
        (mail.TextBody ?? "").ShouldContain("，您好：");
        (mail.TextBody ?? "").ShouldContain("申请重置您的CrisisCoord账户密码");
        (mail.TextBody ?? "").ShouldNotContain("Someone");
    }

    [Fact]
    public async Task A_reset_for_someone_without_a_saved_language_follows_the_request_and_english_stays_as_it_was()
    {
        var chinese = await App.CreateAsync(Roles.Coordinator);
        var english = await App.CreateAsync(Roles.Coordinator);
        var zhClient = App.CreateClient();
        zhClient.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        await zhClient.PostAsJsonAsync("/api/v1/auth/password-reset-requests", new { email = chinese.Email });
        await App.CreateClient().PostAsJsonAsync("/api/v1/auth/password-reset-requests", new { email = english.Email });

        (await App.Mail.WaitForAsync(chinese.Email)).Single().Subject.ShouldBe("重置您的CrisisCoord密码");
        var mail = (await App.Mail.WaitForAsync(english.Email)).Single();
        mail.Subject.ShouldBe("Reset your CrisisCoord password");
        (mail.TextBody ?? "").ShouldContain("Someone, we hope you, asked to reset the password of your CrisisCoord account.");
    }
}
