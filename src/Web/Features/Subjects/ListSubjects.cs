using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Features.Subjects;

public sealed record SubjectDto(Guid Id, string Name);

/// <summary>GET /api/v1/schools/{schoolId}/subjects.</summary>
public static class ListSubjects
{
    public static void Map(IEndpointRouteBuilder school) => school.MapGet("/subjects", Handle).WithTags("Organisation");

    public static async Task<Ok<List<SubjectDto>>> Handle(Guid schoolId, CorrectionsDbContext db, CancellationToken ct)
        => TypedResults.Ok(await db.Subjects.AsNoTracking().Where(s => s.SchoolId == schoolId).OrderBy(s => s.Name)
            .Select(s => new SubjectDto(s.Id, s.Name)).ToListAsync(ct));
}
