using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace MlApp.Tests.Integration.Pages;

/// <summary>A page as a browser sees it: parsed HTML, and its forms' hidden fields to post back.</summary>
internal static class PageForm
{
    public static async Task<IDocument> ReadAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>The hidden fields of the form posted as <paramref name="handler"/>: its handler name and antiforgery token.</summary>
    public static List<KeyValuePair<string, string>> HiddenFields(IDocument page, string handler)
    {
        var form = page.QuerySelectorAll("form").Single(form => form.QuerySelector($"input[name='_handler'][value='{handler}']") is not null);
        return form.QuerySelectorAll("input[type='hidden']").Select(input => new KeyValuePair<string, string>(input.GetAttribute("name")!, input.GetAttribute("value") ?? "")).ToList();
    }
}
