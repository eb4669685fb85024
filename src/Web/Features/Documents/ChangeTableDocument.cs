using System.Globalization;
using Corrections.Documents.Papers;
using Corrections.Web.Infrastructure;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Documents;

/// <summary>
/// GET /api/v1/schools/{schoolId}/change-table/document?studyPeriodId=&amp;classId=&amp;format=pdf|docx: the
/// table of changes of a class (or, without a class, of the whole school) for a study period, ready
/// to print and stitch into the summary sheet.
/// </summary>
public static class ChangeTableDocument
{
    public static void Map(IEndpointRouteBuilder school) => school.MapGet("/change-table/document", Handle)
        .RequireAuthorization(Policies.SchoolJournalReports).Produces<Stream>(contentType: "application/pdf")
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable).WithTags("Documents");

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Handle(
        Guid schoolId, Guid? studyPeriodId, Guid? classId, string? format, CorrectionsDbContext db, DocumentFonts fonts, DocumentIssuer issuer, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var (kind, formatProblem) = DocumentFiles.ParseFormat(format, t);
        if (formatProblem is not null) return formatProblem;
        var v = new Validation(t);
        var periodId = v.RequiredValue("studyPeriodId", studyPeriodId);
        if (!v.IsValid) return v.Problem();
        if (issuer.Unavailable(fonts) is { } unavailable) return unavailable;

        var period = await db.StudyPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == periodId && p.SchoolId == schoolId, ct);
        var schoolClass = classId is null ? null : await db.Classes.AsNoTracking().SingleOrDefaultAsync(c => c.Id == classId && c.SchoolId == schoolId, ct);
        if (period is null) return Validation.NotFound(t, "NotFound.StudyPeriod");
        if (classId is not null && schoolClass is null) return Validation.NotFound(t, "NotFound.Class");
        var year = await db.SchoolYears.Where(y => y.Id == period.SchoolYearId).Select(y => y.Name).SingleAsync(ct);
        var school = await db.Schools.Where(s => s.Id == schoolId).Select(s => s.FullName).SingleAsync(ct);

        var rows = db.ChangeTableRows.AsNoTracking().Where(r => r.StudyPeriodId == periodId);
        if (classId is not null) rows = rows.Where(r => r.ClassId == classId);
        var lines = await (from r in rows join c in db.Classes on r.ClassId equals c.Id
                           orderby c.Grade, c.Name, r.Number
                           select new ChangeTableLine(r.Number, r.Student, r.Subject, r.Description, r.ChangedOn, r.JournalDate, r.Initiator, r.SubjectTeacher)).ToListAsync(ct);

        var model = ChangeTablePaper.Build(new ChangeTableInput(school, schoolClass?.Name, period.Name, year, lines, await SchoolPeople.HolderAsync(db, schoolId, Role.Zavuch, ct), await SchoolPeople.HolderAsync(db, schoolId, Role.Director, ct)));
        var name = string.Format(CultureInfo.InvariantCulture, t["Document.ChangeTableFileName"], schoolClass?.Name ?? t["Document.AllClasses"], period.Name, year.Replace('/', '-'));
        return await issuer.FileAsync(model, kind!, name, schoolId, null, null, ct);
    }
}
