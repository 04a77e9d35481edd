using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CrisisCoord.Web.Pages;

/// <summary>
/// A page that updates itself names the topics it shows; the layout then loads the live script. The parts it
/// replaces are the elements marked <c>data-live-region</c> with a stable id (see wwwroot/js/live.js).
/// </summary>
public static class LivePage
{
    public const string Key = "LiveTopics";

    public static void Watch(ViewDataDictionary viewData, params string[] topics) => viewData[Key] = string.Join(' ', topics);
}
