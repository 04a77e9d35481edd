using CrisisCoord.Application.Localization;
using CrisisCoord.Application.Security;

namespace CrisisCoord.Web.Pages;

/// <summary>
/// A form page is not offered to someone its command would refuse: the page asks the capabilities its read
/// returned and, if the act is not among them, says why instead of showing the form. Fail-closed: a read that
/// returned no decision about the act refuses too.
/// </summary>
public static class FormRefusal
{
    public static void EnsureAllowed<TCommand>(Capabilities? capabilities)
    {
        var act = AccessPolicy.ActOf(typeof(TCommand));
        if (act is { } known && capabilities?.Can(known) == true)
        {
            return;
        }

        throw new AccessDeniedException((act is { } refused ? capabilities?.WhyNot(refused) : null) ?? Texts.Get("Form.NoRule"));
    }
}
