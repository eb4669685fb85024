using Corrections.Web.Infrastructure;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Features.Journal;

/// <summary>A row of the table of changes, in the regulation's columns and order, with what identifies it.</summary>
public sealed record ChangeTableRowDto(
    int Number, string Student, string Subject, string Description, DateOnly ChangedOn, DateOnly JournalDate, string Initiator, string SubjectTeacher,
    Guid Id, Guid ClassId, string ClassName, Guid StudyPeriodId, string StudyPeriod, Guid? RequestId, Guid? CorrectsRowId);

/// <summary>
/// GET /api/v1/schools/{schoolId}/change-table?classId=&amp;studyPeriodId=: the table of changes in the
/// electronic journal (point 2.6) of a class and period, as printed with its summary sheet; without
/// filters, school-wide, by class, period and «№».
/// </summary>
public static class GetChangeTable
{
    public static void Map(IEndpointRouteBuilder school) => school.MapGet("/change-table", Handle)
        .RequireAuthorization(Policies.SchoolJournalReports).WithTags("Journal");

    public static async Task<Ok<List<ChangeTableRowDto>>> Handle(Guid schoolId, Guid? classId, Guid? studyPeriodId, CorrectionsDbContext db, CancellationToken ct)
    {
        var rows = from r in db.ChangeTableRows.AsNoTracking()
                   join c in db.Classes on r.ClassId equals c.Id
                   join p in db.StudyPeriods on r.StudyPeriodId equals p.Id
                   where r.SchoolId == schoolId
                   select new { r, ClassName = c.Name, Grade = c.Grade, Period = p.Name, PeriodStart = p.StartDate };
        if (classId is not null) rows = rows.Where(x => x.r.ClassId == classId);
        if (studyPeriodId is not null) rows = rows.Where(x => x.r.StudyPeriodId == studyPeriodId);
        var list = await rows.OrderBy(x => x.Grade).ThenBy(x => x.ClassName).ThenBy(x => x.PeriodStart).ThenBy(x => x.r.Number).Take(5000).ToListAsync(ct);
        return TypedResults.Ok(list.ConvertAll(x => new ChangeTableRowDto(
            x.r.Number, x.r.Student, x.r.Subject, x.r.Description, x.r.ChangedOn, x.r.JournalDate, x.r.Initiator, x.r.SubjectTeacher,
            x.r.Id, x.r.ClassId, x.ClassName, x.r.StudyPeriodId, x.Period, x.r.RequestId, x.r.CorrectsRowId)));
    }
}
