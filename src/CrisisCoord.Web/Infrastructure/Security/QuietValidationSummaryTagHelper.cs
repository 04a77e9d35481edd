using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CrisisCoord.Web.Infrastructure.Security;

/// <summary>
/// Drops a validation summary that has nothing to say. ASP.NET writes one anyway, holding
/// <c>&lt;li style="display:none"&gt;</c> for client-side validation we do not use; that inline style breaks
/// the Content-Security-Policy (<c>style-src 'self'</c>). Runs after the built-in tag helper.
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class QuietValidationSummaryTagHelper : TagHelper
{
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes.TryGetAttribute("class", out var classes) && Text(classes.Value).Split(' ').Contains("validation-summary-valid"))
        {
            output.SuppressOutput();
        }
    }

    // The built-in helper merges its class in as HTML content, whose ToString() is not its text.
    private static string Text(object? value)
    {
        if (value is not IHtmlContent html)
        {
            return value?.ToString() ?? "";
        }

        using var writer = new StringWriter();
        html.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
