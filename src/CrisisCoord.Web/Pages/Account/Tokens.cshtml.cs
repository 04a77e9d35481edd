using CrisisCoord.Application.Features.Account;
using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security.AccessTokens;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CrisisCoord.Web.Pages.Account;

/// <summary>Personal access tokens for scripts and integrations: make one (shown once), see them, revoke one (ADR 0025).</summary>
public sealed class TokensModel(ISender sender) : PageModel
{
    /// <summary>The lives the form offers; the API takes any number of days up to a year.</summary>
    public static readonly int[] Lifetimes = [7, 30, 90, 180, PersonalAccessToken.MaxDays];

    [BindProperty]
    public CreateAccessTokenCommand Input { get; set; } = new() { Scope = AccessTokenScope.ReadOnly, ExpiresInDays = 30 };

    public IReadOnlyList<AccessTokenDto> Tokens { get; private set; } = [];

    /// <summary>Just made: its secret is shown this once and never again.</summary>
    public CreatedAccessToken? Created { get; private set; }

    // Read after the handler, so a token just made is in the list and a refused form re-renders with it.
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Result is not RedirectToPageResult)
        {
            Tokens = await sender.Send(new ListMyAccessTokensQuery(), HttpContext.RequestAborted);
        }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Created = await sender.Send(Input, ct);
        ModelState.Clear();
        Input = new() { Scope = AccessTokenScope.ReadOnly, ExpiresInDays = 30 };
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid token, CancellationToken ct)
    {
        await sender.Send(new RevokeAccessTokenCommand(token), ct);
        TempData["Flash"] = Texts.Get("Account.Tokens.Revoked");
        return RedirectToPage();
    }
}
