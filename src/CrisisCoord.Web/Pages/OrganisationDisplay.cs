using CrisisCoord.Application.Features.Charters;
using CrisisCoord.Application.Localization;
using CrisisCoord.Domain.Charters;
using CrisisCoord.Domain.Organisations;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CrisisCoord.Web.Pages;

/// <summary>How organisations and charters read on a page, in the reader's language (codes stay in forms' values).</summary>
public static class OrganisationDisplay
{
    public static string Kind(OrganisationKind kind) => Texts.Name(kind);

    public static string Source(CharterSource source) => Texts.Get($"Organisations.Source.{source}");

    /// <summary>W, R, V: the letters the charter tables use for warning, response and recovery.</summary>
    public static string Letter(Phases phase) => Texts.Get($"Organisations.Letter.{phase}");

    /// <summary>Phases as stored (their codes), named for the reader; "none" when there are none.</summary>
    public static string PhaseList(IReadOnlyList<string> phases) => CharterLines.PhaseListForReader(phases);

    /// <summary>"Right" or "Obligation".</summary>
    public static string ItemType(CharterItemType type) => Texts.Get($"Organisations.ItemType.{type}");

    /// <summary>A right or obligation by its key ("Right.ClaimTasks"): English shows the code clients use, Chinese its name.</summary>
    public static string Item(string key) => Texts.Get($"Organisations.Item.{key}");

    /// <summary>A role by its code; an unknown one as it is.</summary>
    public static string Role(string role) => Texts.Resources.GetString($"Organisations.Role.{role}", System.Globalization.CultureInfo.CurrentUICulture) ?? role;

    public static string RoleMeaning(string role) => Texts.Resources.GetString($"Organisations.RoleMeaning.{role}", System.Globalization.CultureInfo.CurrentUICulture) ?? role;

    public static IEnumerable<SelectListItem> Kinds() =>
        Enum.GetValues<OrganisationKind>().Select(k => new SelectListItem(Kind(k), k.ToString()));

    public static IEnumerable<SelectListItem> Levels() =>
        Enum.GetValues<AdministrativeLevel>().Reverse().Select(l => new SelectListItem(Texts.Name(l), l.ToString()));

    public static IEnumerable<SelectListItem> CharterItems() =>
    [
        .. CharterLines.Items.Zip(CharterLines.AllowedNames, (item, name) => new SelectListItem(
            Texts.Format("Organisations.CharterItem", ItemType(item.IsRight ? CharterItemType.Right : CharterItemType.Obligation), Item(item.Key)), name)),
    ];
}
