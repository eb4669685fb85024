using Corrections.Workflows.Access;
using Corrections.Workflows.Engine;
using Quartz;

namespace Corrections.Web.Infrastructure.Timers;

/// <summary>
/// Fires one timer wait. The wait id and its token travel in the job data; the engine compares the
/// token with the current wait, so a late, repeated or stale firing does nothing (lesson 4).
/// </summary>
[DisallowConcurrentExecution]
public sealed class FireTimerJob(IServiceScopeFactory scopes, ILogger<FireTimerJob> log) : IJob
{
    public const string WaitIdKey = "waitId";
    public const string TokenKey = "token";

    public async Task Execute(IJobExecutionContext context)
    {
        var data = context.MergedJobDataMap;
        if (!Guid.TryParse(data.GetString(WaitIdKey), out var waitId) || !Guid.TryParse(data.GetString(TokenKey), out var token))
        {
            log.LogWarning("Timer job {Job} has no wait id or token; ignored", context.JobDetail.Key);
            return;
        }
        // A person's step may commit between our read and our write; then we read again. The token
        // check makes every retry safe: once the wait is gone, the firing does nothing.
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            // Background work acts as the system; the wait's own school is on every row it touches (lesson 8).
            scope.ServiceProvider.GetRequiredService<AccessScopeHolder>().Current = AccessScope.System;
            try
            {
                var fired = await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().FireTimerAsync(waitId, token, context.CancellationToken);
                log.LogInformation("Timer wait {WaitId} {Outcome}", waitId, fired ? "fired" : "was stale or already fired; nothing done");
                return;
            }
            catch (StepRefusedException e) when (e.Fault == StepFault.StaleRevision && attempt < 3)
            {
                log.LogInformation("Timer wait {WaitId} met a concurrent step; trying again", waitId);
            }
        }
    }
}
