using Corrections.Web.Infrastructure;
using Corrections.Workflows.Journal;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Journal;

/// <summary>
/// POST /api/v1/schools/{schoolId}/change-table/{rowId}/corrections: the table of changes is never
/// edited; the zavuch corrects a row by appending a new one, «Исправление записи № N: …», which names
/// the row it corrects and takes the next number of the same class and period.
/// </summary>
public static class CorrectChangeTableRow
{
    public sealed record Request(string? Description);

    public static void Map(IEndpointRouteBuilder school) => school.MapPost("/change-table/{rowId:guid}/corrections", Handle)
        .RequireAuthorization(Policies.SchoolZavuch).ProducesProblem(StatusCodes.Status404NotFound).WithTags("Journal");

    public static async Task<Results<Created<ChangeTableRowDto>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid schoolId, Guid rowId, Request body, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation(t);
        var text = v.Required("description", body.Description, 900);
        if (!v.IsValid) return v.Problem();
        var row = await db.ChangeTableRows.AsNoTracking().SingleOrDefaultAsync(r => r.Id == rowId && r.SchoolId == schoolId, ct);
        if (row is null) return Validation.NotFound(t, "NotFound.ChangeTableRow");

        var zone = await db.Schools.Where(s => s.Id == schoolId).Select(s => s.TimeZoneId).SingleAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var correction = new ChangeTableRow
        {
            Id = Guid.CreateVersion7(), SchoolId = schoolId, ClassId = row.ClassId, StudyPeriodId = row.StudyPeriodId,
            Number = await ChangeTable.NextNumberAsync(db, schoolId, row.ClassId, row.StudyPeriodId, ct),
            Student = row.Student, Subject = row.Subject, Description = t["ChangeTable.Correction", row.Number, text],
            ChangedOn = SchoolClock.Today(zone, clock), JournalDate = row.JournalDate, Initiator = row.Initiator, SubjectTeacher = row.SubjectTeacher,
            RequestId = row.RequestId, CorrectsRowId = row.Id, CreatedAt = clock.GetUtcNow(),
        };
        db.ChangeTableRows.Add(correction);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        var names = await db.Classes.Where(c => c.Id == row.ClassId).Select(c => c.Name).SingleAsync(ct);
        var period = await db.StudyPeriods.Where(p => p.Id == row.StudyPeriodId).Select(p => p.Name).SingleAsync(ct);
        return TypedResults.Created($"/api/v1/schools/{schoolId}/change-table?classId={row.ClassId}", new ChangeTableRowDto(
            correction.Number, correction.Student, correction.Subject, correction.Description, correction.ChangedOn, correction.JournalDate,
            correction.Initiator, correction.SubjectTeacher, correction.Id, correction.ClassId, names, correction.StudyPeriodId, period, correction.RequestId, correction.CorrectsRowId));
    }
}
