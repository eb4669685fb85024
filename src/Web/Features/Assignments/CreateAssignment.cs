using Corrections.Documents.Text;
using Corrections.Web.Infrastructure;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Organisation;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Assignments;

/// <summary>POST /api/v1/schools/{schoolId}/assignments: a teacher of this school teaches a subject in a class.</summary>
public static class CreateAssignment
{
    public sealed record Request(Guid? TeacherId, Guid? ClassId, Guid? SubjectId);

    public static void Map(IEndpointRouteBuilder school) => school.MapPost("/assignments", Handle)
        .RequireAuthorization(Policies.SchoolAdmin).ProducesProblem(StatusCodes.Status409Conflict).WithTags("Organisation");

    public static async Task<Results<Created<AssignmentDto>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid schoolId, Request request, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var v = new Validation(t);
        var teacherId = v.RequiredValue("teacherId", request.TeacherId);
        var classId = v.RequiredValue("classId", request.ClassId);
        var subjectId = v.RequiredValue("subjectId", request.SubjectId);
        var teacher = request.TeacherId is null ? null : await (
            from u in db.Users
            where u.Id == teacherId && db.RoleAssignments.Any(a => a.UserId == u.Id && a.SchoolId == schoolId && a.Role == Role.Teacher)
            select u).SingleOrDefaultAsync(ct);
        var schoolClass = request.ClassId is null ? null : await db.Classes.SingleOrDefaultAsync(c => c.Id == classId && c.SchoolId == schoolId, ct);
        var subject = request.SubjectId is null ? null : await db.Subjects.SingleOrDefaultAsync(s => s.Id == subjectId && s.SchoolId == schoolId, ct);
        if (request.TeacherId is not null && teacher is null) v.Add("teacherId", "NotFound.Teacher");
        if (request.ClassId is not null && schoolClass is null) v.Add("classId", "NotFound.Class");
        if (request.SubjectId is not null && subject is null) v.Add("subjectId", "NotFound.Subject");
        if (!v.IsValid) return v.Problem();

        if (await db.TeachingAssignments.AnyAsync(a => a.TeacherId == teacherId && a.ClassId == classId && a.SubjectId == subjectId, ct))
            return Validation.Conflict(t, "Conflict.Assignment");

        var assignment = new TeachingAssignment { Id = Guid.CreateVersion7(), SchoolId = schoolId, TeacherId = teacherId, ClassId = classId, SubjectId = subjectId };
        db.TeachingAssignments.Add(assignment);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/schools/{schoolId}/assignments/{assignment.Id}", new AssignmentDto(assignment.Id,
            teacherId, PersonName.WithInitials(teacher!.Surname, teacher.GivenName, teacher.Patronymic),
            classId, schoolClass!.Name, subjectId, subject!.Name));
    }
}
