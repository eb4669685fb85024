using Microsoft.Net.Http.Headers;

namespace Corrections.Web.Features.Requests;

/// <summary>The instance revision travels as an entity tag: sent as ETag, expected back as If-Match.</summary>
public static class Revisions
{
    public static string ETag(int revision) => $"\"{revision}\"";

    /// <summary>The revision in an If-Match header («"7"» or «W/"7"»), or null when absent or unreadable.</summary>
    public static int? FromIfMatch(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.IfMatch].ToString().Trim();
        if (header.StartsWith("W/", StringComparison.Ordinal)) header = header[2..];
        return int.TryParse(header.Trim('"'), out var revision) ? revision : null;
    }
}
