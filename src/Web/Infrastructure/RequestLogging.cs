using System.Diagnostics;

namespace Corrections.Web.Infrastructure;

/// <summary>
/// One structured line per request (method, path, status, duration). It is written inside the
/// host's request scope, so it carries the RequestId that is also returned as <c>X-Request-Id</c>:
/// a user who reports that number lets support find every line of that request.
/// </summary>
public sealed class RequestLogging(RequestDelegate next, ILogger<RequestLogging> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        context.Response.Headers["X-Request-Id"] = context.TraceIdentifier;
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            // The query string is left out: it may carry names of students.
            log.LogInformation("HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms",
                context.Request.Method, context.Request.Path.Value, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
