using CrisisCoord.Application.Security;

namespace CrisisCoord.Web.Pages;

/// <summary>
/// A form page is not offered to someone its command would refuse: the page asks the capabilities its read
/// returned and, if the act is not among them, says why instead of showing the form.
/// </summary>
public static class FormRefusal
{
    public static void EnsureAllowed<TCommand>(Capabilities? capabilities)
    {
        if (AccessPolicy.ActOf(typeof(TCommand)) is { } act && capabilities?.WhyNot(act) is { } refused)
        {
            throw new AccessDeniedException(refused);
        }
    }
}
