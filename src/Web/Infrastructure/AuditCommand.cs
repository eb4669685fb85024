using Corrections.Workflows.Access;
using Corrections.Workflows.Persistence;

namespace Corrections.Web.Infrastructure;

/// <summary>
/// <c>dotnet Corrections.Web.dll verify-audit</c>: checks the audit chain of the configured database
/// without starting the server; exit code 0 when intact, 1 with the broken line otherwise.
/// </summary>
public static class AuditCommand
{
    public static async Task<bool> TryRunAsync(string[] args, WebApplication app)
    {
        if (args is not ["verify-audit", ..]) return false;
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScopeHolder>().Current = AccessScope.System;
        var result = await scope.ServiceProvider.GetRequiredService<CorrectionsDbContext>().VerifyAuditAsync(CancellationToken.None);
        Console.Out.WriteLine(result.IsIntact
            ? $"audit log intact: {result.Checked} line(s)"
            : $"audit log BROKEN at line {result.BrokenAt}: {result.Problem}");
        Environment.ExitCode = result.IsIntact ? 0 : 1;
        return true;
    }
}
