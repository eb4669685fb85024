using Corrections.Web.Features.Notifications;
using Corrections.Workflows.Access;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corrections.Web.Pages.Account;

/// <summary>Each person chooses, per kind of notification, an email each time, a morning digest, or nothing.</summary>
public sealed class NotificationsModel(CorrectionsDbContext db, AccessScopeHolder scope) : PageModel
{
    public IReadOnlyList<NotificationSettingDto> Settings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
        => Settings = await GetMyNotificationSettings.ReadAsync(db, scope.Current.UserId!.Value, ct);
}
