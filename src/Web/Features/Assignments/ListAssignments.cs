using Corrections.Documents.Text;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Features.Assignments;

public sealed record AssignmentDto(Guid Id, Guid TeacherId, string TeacherName, Guid ClassId, string ClassName, Guid SubjectId, string SubjectName);

/// <summary>GET /api/v1/schools/{schoolId}/assignments: who teaches what where.</summary>
public static class ListAssignments
{
    public static void Map(IEndpointRouteBuilder school) => school.MapGet("/assignments", Handle).WithTags("Organisation");

    public static async Task<Ok<List<AssignmentDto>>> Handle(Guid schoolId, CorrectionsDbContext db, CancellationToken ct)
    {
        var rows = await (
            from a in db.TeachingAssignments.AsNoTracking()
            join u in db.Users on a.TeacherId equals u.Id
            join c in db.Classes on a.ClassId equals c.Id
            join s in db.Subjects on a.SubjectId equals s.Id
            where a.SchoolId == schoolId
            orderby c.Grade, c.Letter, s.Name
            select new { a.Id, a.TeacherId, u.Surname, u.GivenName, u.Patronymic, a.ClassId, ClassName = c.Name, a.SubjectId, SubjectName = s.Name }
        ).ToListAsync(ct);
        return TypedResults.Ok(rows.ConvertAll(r => new AssignmentDto(r.Id, r.TeacherId, PersonName.WithInitials(r.Surname, r.GivenName, r.Patronymic),
            r.ClassId, r.ClassName, r.SubjectId, r.SubjectName)));
    }
}
