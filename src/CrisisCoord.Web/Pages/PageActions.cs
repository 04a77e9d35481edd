using CrisisCoord.Application.Common;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Common;
using FluentValidation;

namespace CrisisCoord.Web.Pages;

/// <summary>
/// One-click actions on a page (move a task card, ask an organisation, commit an offer): the outcome is a
/// sentence shown above the page, and a refusal says why, since the page then shows the current state.
/// </summary>
public static class PageActions
{
    public static async Task<string> TryAsync(Func<Task<string>> act)
    {
        try
        {
            return await act();
        }
        catch (ValidationException invalid)
        {
            return Texts.Format("Form.NotDone", string.Join(" ", invalid.Errors.Select(e => e.ErrorMessage).DefaultIfEmpty(invalid.Message)));
        }
        catch (Exception refused) when (refused is DomainRuleException or StaleWriteException)
        {
            // The record's state said no: the page shows the state now, with why. A refusal of the person
            // (403, 404) is not swallowed here; it is answered like any other, with its reason.
            return Texts.Format("Form.NotDone", refused.Message);
        }
    }
}
