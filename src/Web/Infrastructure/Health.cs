using System.Text.Json;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Corrections.Web.Infrastructure;

/// <summary>Ready when the database answers and its schema is exactly this build's migrations.</summary>
public sealed class DatabaseReadyCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var status = await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().GetStatusAsync(ct);
            var data = new Dictionary<string, object> { ["applied"] = status.Applied, ["latest"] = status.LatestKnown };
            return status.IsCurrent
                ? HealthCheckResult.Healthy("database reachable, migrations current", data)
                : HealthCheckResult.Unhealthy("migrations not current: " + string.Join("; ", status.Problems), data: data);
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("database unreachable: " + e.Message);
        }
    }
}

public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        // Live: the process serves requests; no dependency is asked, so a database outage does not restart it.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteJson });
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        }));
    }
}
