using System.Net;
using AngleSharp.Dom;
using CrisisCoord.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using MimeKit;

namespace CrisisCoord.IntegrationTests.Features.Account;

/// <summary>Opening the links that arrive in mail, as a person would: the page it names, then its form.</summary>
public static class AccountLinks
{
    /// <summary>The person and token a mailed link carries.</summary>
    public static (string UserId, string Token, string PathAndQuery) Of(MimeMessage mail)
    {
        var link = TestMailServer.LinkIn(mail);
        var query = QueryHelpers.ParseQuery(link.Query);
        return (query["userId"].ToString(), query["token"].ToString(), link.PathAndQuery);
    }

    /// <summary>Opens a confirmation link and presses its button; returns what the page answered.</summary>
    public static async Task<(HttpResponseMessage Response, IDocument Document)> ConfirmAsync(PageClient pages, MimeMessage mail, bool expectSuccess = true)
    {
        var (userId, token, url) = Of(mail);
        url.ShouldStartWith("/Account/ConfirmEmail?");
        var answer = await pages.SubmitAsync(url, new Dictionary<string, string> { ["Input.UserId"] = userId, ["Input.Token"] = token });
        if (expectSuccess)
        {
            answer.Response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        return answer;
    }

    /// <summary>Opens a reset link and sets a new password with its form.</summary>
    public static async Task<(HttpResponseMessage Response, IDocument Document)> ResetAsync(PageClient pages, MimeMessage mail, string newPassword)
    {
        var (userId, token, url) = Of(mail);
        url.ShouldStartWith("/Account/ResetPassword?");
        return await pages.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Input.UserId"] = userId,
            ["Input.Token"] = token,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmNewPassword"] = newPassword,
        });
    }
}
