using Corrections.Web.Infrastructure;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Organisation;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Calendar;

/// <summary>
/// PUT /api/v1/schools/{schoolId}/calendar: the administrator sets the week (five or six days) and
/// the full list of exceptions (the government's decree on holidays and transferred days, the
/// region's own). Due dates already computed stay as they were; new steps count in the new calendar.
/// </summary>
public static class SetCalendar
{
    public sealed record Request(int? WeekDays, IReadOnlyList<CalendarDayDto>? Days);

    public static void Map(IEndpointRouteBuilder school) => school.MapPut("/calendar", Handle).RequireAuthorization(Policies.SchoolAdmin).WithTags("Calendar");

    public static async Task<Results<Ok<CalendarDto>, ValidationProblem>> Handle(
        Guid schoolId, Request body, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var v = new Validation(t);
        var week = v.RequiredValue("weekDays", body.WeekDays);
        if (body.WeekDays is not null and not (5 or 6)) v.Add("weekDays", "Validation.WeekDays");
        var days = body.Days ?? [];
        for (var i = 0; i < days.Count; i++)
        {
            if (!Enum.IsDefined(days[i].Kind)) v.Add($"days[{i}].kind", "Validation.Unreadable");
            v.Optional($"days[{i}].note", days[i].Note, Limits.Name);
        }
        foreach (var twice in days.GroupBy(d => d.Date).Where(g => g.Count() > 1))
            v.Add("days", "Validation.DuplicateDate", twice.Key.ToString("dd.MM.yyyy"));
        if (!v.IsValid) return v.Problem();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var setting = await db.SchoolSettings.SingleOrDefaultAsync(s => s.SchoolId == schoolId && s.Name == WorkingCalendar.WeekDaysSetting, ct);
        if (setting is null) db.SchoolSettings.Add(new SchoolSetting { SchoolId = schoolId, Name = WorkingCalendar.WeekDaysSetting, Value = week.ToString() });
        else setting.Value = week.ToString();
        // Replaced as a whole, through the tracker, so the audit log records every day removed and added.
        db.CalendarDays.RemoveRange(await db.CalendarDays.Where(d => d.SchoolId == schoolId).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        db.CalendarDays.AddRange(days.Select(d => new CalendarDay { SchoolId = schoolId, Date = d.Date, Kind = d.Kind, Note = string.IsNullOrWhiteSpace(d.Note) ? null : d.Note.Trim() }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(await GetCalendar.ReadAsync(db, schoolId, ct));
    }
}
