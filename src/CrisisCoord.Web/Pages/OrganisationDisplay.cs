using CrisisCoord.Application.Features.Charters;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Organisations;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CrisisCoord.Web.Pages;

/// <summary>How organisations and charters read on a page.</summary>
public static class OrganisationDisplay
{
    public static string Kind(OrganisationKind kind) => kind switch
    {
        OrganisationKind.CivicGroup => "Civic group",
        OrganisationKind.Citizen => "Citizens' group",
        _ => kind.ToString(),
    };

    public static string Source(CharterSource source) => source switch
    {
        CharterSource.KindDefaultChanged => "kind default changed",
        CharterSource.OrganisationOverride => "override for this organisation",
        _ => "default",
    };

    /// <summary>W, R, V: the letters the charter tables use for warning, response and recovery.</summary>
    public static string Letter(Phases phase) => phase switch
    {
        Phases.Warning => "W",
        Phases.Response => "R",
        Phases.Recovery => "V",
        _ => phase.ToString(),
    };

    public static string PhaseList(IReadOnlyList<string> phases) => phases.Count == 0 ? "none" : string.Join(", ", phases);

    public static IEnumerable<SelectListItem> Kinds() =>
        Enum.GetValues<OrganisationKind>().Select(k => new SelectListItem(Kind(k), k.ToString()));

    public static IEnumerable<SelectListItem> Levels() =>
        Enum.GetValues<AdministrativeLevel>().Reverse().Select(l => new SelectListItem(l.ToString(), l.ToString()));

    public static IEnumerable<SelectListItem> CharterItems() =>
    [
        .. CharterLines.Items.Zip(CharterLines.AllowedNames, (item, name) => new SelectListItem(
            $"{(item.IsRight ? "Right" : "Obligation")}: {item.Name}", name)),
    ];
}
