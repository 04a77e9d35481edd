using CrisisCoord.Application.Features.Account;
using CrisisCoord.Application.Security;
using Mediator;

namespace CrisisCoord.Web.Infrastructure;

/// <summary>
/// The signed-in person's capabilities beyond any one subject, asked once per request: the menu in the layout
/// and the list pages' buttons (log an incident, register a resource) read the same answer.
/// </summary>
public sealed class MyCapabilitiesProvider(ISender sender, IHttpContextAccessor http)
{
    private MyCapabilities? _mine;

    public async Task<MyCapabilities?> GetAsync()
    {
        if (http.HttpContext?.User.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        return _mine ??= await sender.Send(new GetMyCapabilitiesQuery(), http.HttpContext.RequestAborted);
    }

    /// <summary>Whether the person may perform this act on the registry or on their own work.</summary>
    public async Task<bool> CanAsync(Act act) => await GetAsync() is { } found && (found.Registry.Can(act) || found.Own.Can(act));
}
