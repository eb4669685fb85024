using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Corrections.Web.Tests.Support;

/// <summary>Signs in through the login page, as a person would, keeping the cookie.</summary>
public static partial class Browser
{
    public static async Task<(HttpClient Client, HttpResponseMessage Response)> SignInAsync(WebApplicationFactory<Program> app, string email, string password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        var response = await client.PostAsync("/Account/Login", await FormAsync(client, "/Account/Login", new() { ["Email"] = email, ["Password"] = password }));
        return (client, response);
    }

    /// <summary>A form post with the page's anti-forgery token, read from the page like a browser would.</summary>
    public static async Task<FormUrlEncodedContent> FormAsync(HttpClient client, string page, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"no anti-forgery token on {page}");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return new FormUrlEncodedContent(fields);
    }

    /// <summary>The anti-forgery token a page carries (in its header, for the page's own API calls).</summary>
    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var token = MetaTokenPattern().Match(html);
        Assert.True(token.Success, $"no anti-forgery token in the header of {page}");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    public static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex MetaTokenPattern();
}
