using Corrections.Web.Infrastructure;
using Corrections.Workflows.Access;
using Corrections.Workflows.Notifications;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Notifications;

/// <summary>One kind of notification and how the person gets it: Email (each one), Digest (daily), Off.</summary>
public sealed record NotificationSettingDto(string Kind, NotificationMode Mode);

/// <summary>GET /api/v1/me/notifications: every kind with the caller's choice (Email where they chose nothing).</summary>
public static class GetMyNotificationSettings
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/me/notifications", Handle).WithTags("Notifications");

    public static async Task<Ok<List<NotificationSettingDto>>> Handle(CorrectionsDbContext db, AccessScopeHolder scope, CancellationToken ct)
        => TypedResults.Ok(await ReadAsync(db, scope.Current.UserId!.Value, ct));

    public static async Task<List<NotificationSettingDto>> ReadAsync(CorrectionsDbContext db, Guid userId, CancellationToken ct)
    {
        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, p => p.Mode, ct);
        return [.. NotificationKinds.All.Select(k => new NotificationSettingDto(k, chosen.GetValueOrDefault(k, NotificationMode.Email)))];
    }
}

/// <summary>PUT /api/v1/me/notifications: sets the modes of the kinds given; kinds left out keep theirs.</summary>
public static class SetMyNotificationSettings
{
    public static void Map(IEndpointRouteBuilder api) => api.MapPut("/me/notifications", Handle).WithTags("Notifications");

    public static async Task<Results<Ok<List<NotificationSettingDto>>, ValidationProblem>> Handle(
        IReadOnlyList<NotificationSettingDto> body, CorrectionsDbContext db, AccessScopeHolder scope, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var me = scope.Current.UserId!.Value;
        var v = new Validation(t);
        for (var i = 0; i < body.Count; i++)
        {
            if (!NotificationKinds.All.Contains(body[i].Kind)) v.Add($"[{i}].kind", "Validation.NotificationKind", body[i].Kind);
            if (!Enum.IsDefined(body[i].Mode)) v.Add($"[{i}].mode", "Validation.Unreadable");
        }
        if (!v.IsValid) return v.Problem();

        var existing = await db.NotificationPreferences.Where(p => p.UserId == me).ToDictionaryAsync(p => p.Kind, ct);
        foreach (var setting in body.GroupBy(s => s.Kind).Select(g => g.Last()))
        {
            // Email is the default: no row for it, so a kind added later is emailed to everyone.
            if (existing.TryGetValue(setting.Kind, out var row))
            {
                if (setting.Mode == NotificationMode.Email) db.NotificationPreferences.Remove(row);
                else row.Mode = setting.Mode;
            }
            else if (setting.Mode != NotificationMode.Email)
                db.NotificationPreferences.Add(new NotificationPreference { UserId = me, Kind = setting.Kind, Mode = setting.Mode });
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await GetMyNotificationSettings.ReadAsync(db, me, ct));
    }
}
