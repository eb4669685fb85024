using Corrections.Web.Infrastructure.Timers;
using Corrections.Workflows.Access;
using Quartz;

namespace Corrections.Web.Features.Notifications;

/// <summary>
/// The outbox job, every Mail:PollSeconds on Quartz (one node of a cluster at a time): turns new
/// events into emails, then sends what is due.
/// </summary>
[DisallowConcurrentExecution]
public sealed class OutboxJob(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new("outbox", "notifications");

    public async Task Execute(IJobExecutionContext context)
    {
        await using var scope = scopes.CreateAsyncScope();
        // Background work acts as the system; every email row carries the school it belongs to (lesson 8).
        scope.ServiceProvider.GetRequiredService<AccessScopeHolder>().Current = AccessScope.System;
        await scope.ServiceProvider.GetRequiredService<DispatchOutbox>().RunAsync(context.CancellationToken);
        await scope.ServiceProvider.GetRequiredService<SendMail>().RunAsync(context.CancellationToken);
    }
}

/// <summary>
/// The digest job, at the top of every hour: schools lie in eleven time zones, so «the school's
/// morning» comes at a different hour for each; <see cref="ComposeDigests"/> decides whose morning it is.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new("digest", "notifications");

    public async Task Execute(IJobExecutionContext context)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScopeHolder>().Current = AccessScope.System;
        await scope.ServiceProvider.GetRequiredService<ComposeDigests>().RunAsync(context.CancellationToken);
    }
}

/// <summary>Registers both jobs on the scheduler once it runs; replacing keeps one trigger each across restarts and nodes.</summary>
public sealed class NotificationSchedule(QuartzHost host, Microsoft.Extensions.Options.IOptions<Integrations.Mail.MailOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await host.GetAsync(cancellationToken);
        var outbox = JobBuilder.Create<OutboxJob>().WithIdentity(OutboxJob.Key).Build();
        var every = TriggerBuilder.Create().WithIdentity(OutboxJob.Key.Name, OutboxJob.Key.Group).StartNow()
            .WithSimpleSchedule(s => s.WithIntervalInSeconds(Math.Max(1, options.Value.PollSeconds)).RepeatForever().WithMisfireHandlingInstructionNextWithRemainingCount())
            .Build();
        await scheduler.ScheduleJob(outbox, [every], replace: true, cancellationToken);
        var digest = JobBuilder.Create<DigestJob>().WithIdentity(DigestJob.Key).Build();
        var hourly = TriggerBuilder.Create().WithIdentity(DigestJob.Key.Name, DigestJob.Key.Group).StartNow()
            .WithCronSchedule("0 0 * * * ?", c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireHandlingInstructionFireAndProceed())
            .Build();
        await scheduler.ScheduleJob(digest, [hourly], replace: true, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
