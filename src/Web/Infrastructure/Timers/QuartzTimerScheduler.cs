using Corrections.Workflows.Engine;
using Quartz;

namespace Corrections.Web.Infrastructure.Timers;

/// <summary>
/// One Quartz job and trigger per timer wait, keyed by the wait's id, so scheduling a wait again
/// replaces rather than duplicates it. A time already past fires at once, once.
/// </summary>
public sealed class QuartzTimerScheduler(QuartzHost host, TimeProvider clock) : IWorkflowTimerScheduler
{
    public const string Group = "workflow-timers";

    public async Task ScheduleAsync(IReadOnlyCollection<WorkflowWait> timers, CancellationToken ct)
    {
        var scheduler = await host.GetAsync(ct);
        foreach (var wait in timers.Where(w => w.Kind == WaitKind.Timer && w.DueAt is not null))
        {
            var job = JobBuilder.Create<FireTimerJob>()
                .WithIdentity(wait.Id.ToString(), Group)
                .UsingJobData(FireTimerJob.WaitIdKey, wait.Id.ToString())
                .UsingJobData(FireTimerJob.TokenKey, wait.Token.ToString())
                .Build();
            // Due times are on the app's clock; Quartz keeps its own. Handing Quartz the remaining delay
            // keeps them apart cleanly (the same thing in production, where both are the system clock).
            var delay = wait.DueAt!.Value - clock.GetUtcNow();
            var at = SystemTime.UtcNow() + (delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
            var trigger = TriggerBuilder.Create()
                .WithIdentity(wait.Id.ToString(), Group)
                .StartAt(at)
                .WithSimpleSchedule(s => s.WithMisfireHandlingInstructionFireNow())
                .Build();
            await scheduler.ScheduleJob(job, [trigger], replace: true, ct);
        }
    }
}
