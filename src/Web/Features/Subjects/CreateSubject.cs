using Corrections.Web.Infrastructure;
using Corrections.Workflows.Organisation;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Subjects;

/// <summary>POST /api/v1/schools/{schoolId}/subjects.</summary>
public static class CreateSubject
{
    public sealed record Request(string? Name);

    public static void Map(IEndpointRouteBuilder school) => school.MapPost("/subjects", Handle)
        .RequireAuthorization(Policies.SchoolAdmin).ProducesProblem(StatusCodes.Status409Conflict).WithTags("Organisation");

    public static async Task<Results<Created<SubjectDto>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid schoolId, Request request, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var v = new Validation(t);
        var name = v.Required("name", request.Name, Limits.Name);
        if (!v.IsValid) return v.Problem();
        if (await db.Subjects.AnyAsync(s => s.SchoolId == schoolId && s.Name == name, ct))
            return Validation.Conflict(t, "Conflict.SubjectName", name);

        var subject = new Subject { Id = Guid.CreateVersion7(), SchoolId = schoolId, Name = name };
        db.Subjects.Add(subject);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/schools/{schoolId}/subjects/{subject.Id}", new SubjectDto(subject.Id, name));
    }
}
