using Corrections.Workflows.Engine;

namespace Corrections.Web.Infrastructure.Timers;

public static class TimerServiceCollectionExtensions
{
    /// <summary>Timer waits on Quartz; registered after the persistence and the workflows, so it starts on a migrated schema.</summary>
    public static IServiceCollection AddWorkflowTimers(this IServiceCollection services)
    {
        services.AddSingleton<QuartzHost>();
        services.AddHostedService(sp => sp.GetRequiredService<QuartzHost>());
        services.AddSingleton<IWorkflowTimerScheduler, QuartzTimerScheduler>();
        return services;
    }
}
