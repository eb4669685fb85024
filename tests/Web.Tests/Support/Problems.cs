using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Corrections.Web.Tests.Support;

public static class Problems
{
    /// <summary>Asserts a ProblemDetails response with the status and returns its JSON.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        return json;
    }

    /// <summary>Asserts a 400 validation problem naming <paramref name="field"/> with a message containing <paramref name="text"/>.</summary>
    public static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field, string text)
    {
        var json = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(json.TryGetProperty("errors", out var errors), $"no errors in {json}");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error for '{field}' in {errors}");
        Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Contains(text, StringComparison.Ordinal));
    }

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body);
}
