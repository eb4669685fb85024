using System.Collections.Specialized;
using Corrections.Workflows.Access;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using Quartz.Impl;
using Quartz.Spi;

namespace Corrections.Web.Infrastructure.Timers;

/// <summary>
/// Owns the Quartz scheduler: on PostgreSQL the clustered ADO store in our own qrtz_* tables (several
/// nodes share the timers, a trigger fires on one of them); on SQLite the RAM store. At start-up it
/// schedules every open timer wait from our table: on SQLite that rebuilds the RAM store, and a timer
/// that fell due while the service was down fires now, once (lesson 4).
/// </summary>
public sealed class QuartzHost(
    IServiceScopeFactory scopes, IOptions<DatabaseOptions> database, DatabaseConnection connection, IConfiguration configuration,
    ILogger<QuartzHost> log, IServiceProvider services)
    : IHostedService, IJobFactory
{
    private readonly TaskCompletionSource<IScheduler> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IScheduler? _scheduler;

    public Task<IScheduler> GetAsync(CancellationToken ct) => _started.Task.WaitAsync(ct);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Every node of one installation shares this name: it is the cluster. Quartz also keeps one
        // scheduler per name per process, so hosts sharing a process (tests) need names of their own.
        var name = configuration["Timers:SchedulerName"] is { Length: > 0 } configured ? configured : "corrections";
        var properties = new NameValueCollection
        {
            ["quartz.scheduler.instanceName"] = name,
            ["quartz.scheduler.instanceId"] = "AUTO",
            ["quartz.threadPool.maxConcurrency"] = "4",
            // How often an idle node looks for due triggers, including those another node scheduled.
            ["quartz.scheduler.idleWaitTime"] = "2000",
        };
        if (database.Value.Provider == DatabaseProvider.Postgres)
        {
            properties["quartz.jobStore.type"] = "Quartz.Impl.AdoJobStore.JobStoreTX, Quartz";
            properties["quartz.jobStore.driverDelegateType"] = "Quartz.Impl.AdoJobStore.PostgreSQLDelegate, Quartz";
            properties["quartz.jobStore.tablePrefix"] = "qrtz_";
            properties["quartz.jobStore.clustered"] = "true";
            properties["quartz.jobStore.useProperties"] = "true";
            // Quartz's data sources are process-wide by name too: one per scheduler.
            var dataSource = "db_" + name.Replace('-', '_');
            properties["quartz.jobStore.dataSource"] = dataSource;
            properties[$"quartz.dataSource.{dataSource}.provider"] = "Npgsql";
            properties[$"quartz.dataSource.{dataSource}.connectionString"] = connection.Value;
            properties["quartz.serializer.type"] = typeof(JsonPropertiesSerializer).AssemblyQualifiedName;
        }
        else
        {
            properties["quartz.jobStore.type"] = "Quartz.Simpl.RAMJobStore, Quartz";
        }

        // Quartz logs through one provider per process. Where several hosts share a process (the tests),
        // a host that stopped has disposed its factory while the others' schedulers still ask it for
        // loggers; the firing loop would fail on that and stop firing, so a disposed factory gives none.
        Quartz.Logging.LogContext.SetCurrentLogProvider(new DisposalTolerantLoggerFactory(services.GetRequiredService<ILoggerFactory>()));
        _scheduler = await new StdSchedulerFactory(properties).GetScheduler(cancellationToken);
        _scheduler.JobFactory = this;
        await _scheduler.Start(cancellationToken);
        _started.SetResult(_scheduler);

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScopeHolder>().Current = AccessScope.System;
        var db = scope.ServiceProvider.GetRequiredService<CorrectionsDbContext>();
        var open = await db.WorkflowWaits.AsNoTracking().Where(w => w.Kind == WaitKind.Timer).ToListAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<IWorkflowTimerScheduler>().ScheduleAsync(open, cancellationToken);
        log.LogInformation("Timers on Quartz ({Store}); {Count} open timer(s) scheduled", database.Value.Provider == DatabaseProvider.Postgres ? "clustered PostgreSQL store" : "in-memory store", open.Count);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is not null) await _scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
    }

    // Timer waits and the notification jobs share this scheduler; each job is built with its dependencies.
    public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler) => (IJob)ActivatorUtilities.CreateInstance(services, bundle.JobDetail.JobType);

    public void ReturnJob(IJob job)
    {
    }
}

/// <summary>A logger factory that answers with no-op loggers once the host it belongs to has disposed it.</summary>
internal sealed class DisposalTolerantLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName)
    {
        try
        {
            return inner.CreateLogger(categoryName);
        }
        catch (ObjectDisposedException)
        {
            return Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        }
    }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    // The host owns the factory and disposes it.
    public void Dispose()
    {
    }
}
