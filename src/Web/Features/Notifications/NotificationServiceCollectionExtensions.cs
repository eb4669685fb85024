using Corrections.Integrations.Mail;
using Corrections.Integrations.Storage;
using Corrections.Workflows.Notifications;
using Microsoft.Extensions.Options;

namespace Corrections.Web.Features.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// Mail from the outbox: SMTP when Mail:Host is set, else .eml files in the data folder. Registered
    /// after the timers, whose scheduler runs the jobs.
    /// </summary>
    public static IServiceCollection AddCorrectionsNotifications(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, DataFolder dataFolder)
    {
        var mail = configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();
        // Links in a mail that leaves the house must point to the public address; a host header is no substitute.
        if (mail.UsesSmtp && environment.IsProduction() && string.IsNullOrWhiteSpace(configuration["PublicBaseUrl"]))
            throw new InvalidOperationException("Mail:Host is set but PublicBaseUrl is not: emails would link to an address nobody can open. Set PublicBaseUrl.");
        if (mail.MaxAttempts < 1 || mail.BackoffSeconds < 1)
            throw new InvalidOperationException("Mail:MaxAttempts and Mail:BackoffSeconds must be at least 1.");
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        if (mail.UsesSmtp) services.AddSingleton<IMailTransport, SmtpMailTransport>();
        else services.AddSingleton<IMailTransport>(sp => new PickupFolderMailTransport(sp.GetRequiredService<IOptions<MailOptions>>(), dataFolder.Combine(mail.PickupFolder)));
        services.AddSingleton<NotificationLinks>();
        services.AddScoped<NotificationComposer>();
        services.AddScoped<DispatchOutbox>();
        services.AddScoped<SendMail>();
        services.AddScoped<ComposeDigests>();
        services.AddHostedService<NotificationSchedule>();
        return services;
    }
}
