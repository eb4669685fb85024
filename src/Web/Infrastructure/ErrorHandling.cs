using System.Text.Json;
using Corrections.Workflows.Access;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Infrastructure;

/// <summary>
/// Maps the failures a caller can cause to specific ProblemDetails: unreadable JSON names the field
/// that failed, a write outside the caller's schools is a 403. Anything else stays a 500.
/// </summary>
public sealed class KnownExceptionHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> t) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        ProblemDetails? problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => new ValidationProblemDetails(new Dictionary<string, string[]>
            {
                [FieldOf(json.Path)] = [t["Validation.Unreadable"]],
            })
            { Status = 400, Title = t["Problem.Validation"] },
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = t["Problem.BadRequest"], Detail = t["Problem.BadRequestBody"] },
            SchoolScopeViolationException => new ProblemDetails { Status = 403, Title = t["Problem.Forbidden"], Detail = t["Problem.OutsideYourSchools"] },
            _ => null,
        };
        if (problem is null) return false;
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>«$.periods[0].startDate» → «periods[0].startDate», matching the field names of validation errors.</summary>
    private static string FieldOf(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');
}
