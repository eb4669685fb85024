using Corrections.Web.Infrastructure;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Students;

public sealed record StudentDto(Guid Id, Guid ClassId, string Surname, string GivenName, string? Patronymic);

/// <summary>GET /api/v1/schools/{schoolId}/classes/{classId}/students: the class list in alphabetical order.</summary>
public static class ListStudents
{
    public static void Map(IEndpointRouteBuilder school) => school.MapGet("/classes/{classId:guid}/students", Handle).ProducesProblem(StatusCodes.Status404NotFound).WithTags("Organisation");

    public static async Task<Results<Ok<List<StudentDto>>, ProblemHttpResult>> Handle(
        Guid schoolId, Guid classId, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!await db.Classes.AnyAsync(c => c.Id == classId && c.SchoolId == schoolId, ct))
            return Validation.NotFound(t, "NotFound.Class");
        return TypedResults.Ok(await db.Students.AsNoTracking().Where(s => s.ClassId == classId)
            .OrderBy(s => s.Surname).ThenBy(s => s.GivenName).ThenBy(s => s.Patronymic)
            .Select(s => new StudentDto(s.Id, s.ClassId, s.Surname, s.GivenName, s.Patronymic)).ToListAsync(ct));
    }
}
