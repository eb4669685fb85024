using Corrections.Web.Infrastructure;
using Corrections.Workflows.Organisation;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Students;

/// <summary>POST /api/v1/schools/{schoolId}/classes/{classId}/students.</summary>
public static class CreateStudent
{
    public sealed record Request(string? Surname, string? GivenName, string? Patronymic);

    public static void Map(IEndpointRouteBuilder school) => school.MapPost("/classes/{classId:guid}/students", Handle).ProducesProblem(StatusCodes.Status404NotFound)
        .RequireAuthorization(Policies.SchoolAdmin).WithTags("Organisation");

    public static async Task<Results<Created<StudentDto>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid schoolId, Guid classId, Request request, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!await db.Classes.AnyAsync(c => c.Id == classId && c.SchoolId == schoolId, ct))
            return Validation.NotFound(t, "NotFound.Class");
        var v = new Validation(t);
        var student = new Student
        {
            Id = Guid.CreateVersion7(),
            SchoolId = schoolId,
            ClassId = classId,
            Surname = v.PersonName("surname", request.Surname, required: true, Limits.PersonName)!,
            GivenName = v.PersonName("givenName", request.GivenName, required: true, Limits.PersonName)!,
            Patronymic = v.PersonName("patronymic", request.Patronymic, required: false, Limits.PersonName),
        };
        if (!v.IsValid) return v.Problem();
        db.Students.Add(student);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/schools/{schoolId}/classes/{classId}/students/{student.Id}",
            new StudentDto(student.Id, classId, student.Surname, student.GivenName, student.Patronymic));
    }
}
