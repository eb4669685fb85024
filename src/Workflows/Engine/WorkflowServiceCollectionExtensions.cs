using Corrections.Workflows.Access;
using Corrections.Workflows.Corrections;
using Corrections.Workflows.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Corrections.Workflows.Engine;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// The engine, the guards and effects the definitions may name, and the start-up load of
    /// <paramref name="folder"/>. The host adds an <see cref="IWorkflowTimerScheduler"/>.
    /// </summary>
    public static IServiceCollection AddCorrectionsWorkflows(this IServiceCollection services, string folder)
    {
        services.AddSingleton<IWorkflowGuard, RequestCompleteGuard>();
        services.AddSingleton<IWorkflowGuard, EntriesLockedGuard>();
        services.AddSingleton<IWorkflowGuard, RetakeProtocolMissingGuard>();
        services.AddSingleton<IWorkflowGuard, ProtocolGivenGuard>();
        services.AddSingleton<IWorkflowGuard, Records.RegistrationCardGuard>();
        services.AddSingleton<IWorkflowEffect, NotifyEffect>();
        services.AddSingleton<IWorkflowEffect, Records.RegisterDocumentEffect>();
        services.AddSingleton<IWorkflowEffect, Records.FileToCaseEffect>();
        services.AddSingleton<IWorkflowGuard, Records.FilingCaseGuard>();
        services.AddSingleton<IWorkflowEffect, Records.RegisterOutgoingLetterEffect>();
        services.AddSingleton<IWorkflowEffect, Records.RegisterDepartmentDecisionEffect>();
        services.AddSingleton<IWorkflowEffect, Journal.GrantUnlockEffect>();
        services.AddSingleton<IWorkflowEffect, Journal.RevokeUnlockEffect>();
        services.AddSingleton<IWorkflowGuard, Journal.UnlockActiveGuard>();
        services.AddSingleton<IWorkflowEffect, Journal.ApplyToJournalEffect>();
        services.AddSingleton<Journal.IJournalAdapter, Journal.BuiltInJournalAdapter>();
        services.AddSingleton<Journal.IJournalAdapter, Journal.ManualJournalAdapter>();
        services.AddScoped<Journal.JournalEditor>();
        services.AddSingleton<IWorkflowParticipants, RequestParticipants>();
        services.AddSingleton<DefinitionRegistry>();
        services.AddScoped<WorkflowEngine>();
        services.AddHostedService(sp => new DefinitionStartup(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<DefinitionRegistry>(),
            sp.GetRequiredService<TimeProvider>(), folder, sp.GetRequiredService<ILogger<DefinitionStartup>>()));
        return services;
    }
}

/// <summary>Loads the definitions after the migrations; a broken file stops the start with its message.</summary>
internal sealed class DefinitionStartup(IServiceScopeFactory scopes, DefinitionRegistry registry, TimeProvider clock, string folder, ILogger<DefinitionStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScopeHolder>().Current = AccessScope.System;
        await registry.LoadAsync(folder, scope.ServiceProvider.GetRequiredService<CorrectionsDbContext>(), clock, cancellationToken);
        foreach (var definition in registry.Current)
            log.LogInformation("Workflow {Id} loaded from {Source}, version {Version}", definition.Id, definition.Source, definition.Version);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
