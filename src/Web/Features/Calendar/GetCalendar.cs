using Corrections.Workflows.Engine;
using Corrections.Workflows.Organisation;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Features.Calendar;

public sealed record CalendarDayDto(DateOnly Date, CalendarDayKind Kind, string? Note);

/// <param name="WeekDays">5 or 6: the school's working week.</param>
/// <param name="Days">Exceptions to the week: public holidays and transferred working days.</param>
public sealed record CalendarDto(int WeekDays, IReadOnlyList<CalendarDayDto> Days);

/// <summary>
/// GET /api/v1/schools/{schoolId}/calendar: the working-day calendar every due date of the school is
/// counted in (any role of the school may read it: deadlines are everyone's business).
/// </summary>
public static class GetCalendar
{
    public static void Map(IEndpointRouteBuilder school) => school.MapGet("/calendar", Handle).WithTags("Calendar");

    public static async Task<Ok<CalendarDto>> Handle(Guid schoolId, CorrectionsDbContext db, CancellationToken ct)
        => TypedResults.Ok(await ReadAsync(db, schoolId, ct));

    public static async Task<CalendarDto> ReadAsync(CorrectionsDbContext db, Guid schoolId, CancellationToken ct)
    {
        var week = await db.SchoolSettings.AsNoTracking().Where(s => s.SchoolId == schoolId && s.Name == WorkingCalendar.WeekDaysSetting).Select(s => s.Value).FirstOrDefaultAsync(ct);
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.SchoolId == schoolId).OrderBy(d => d.Date)
            .Select(d => new CalendarDayDto(d.Date, d.Kind, d.Note)).ToListAsync(ct);
        return new CalendarDto(week == "6" ? 6 : 5, days);
    }
}
