using System.Text.RegularExpressions;
using Corrections.Web.Infrastructure;
using Corrections.Workflows.Organisation;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Classes;

/// <summary>POST /api/v1/schools/{schoolId}/classes: a class of a school year, named from grade and letter («7Б»).</summary>
public static partial class CreateClass
{
    public sealed record Request(Guid? SchoolYearId, int? Grade, string? Letter);

    public static void Map(IEndpointRouteBuilder school) => school.MapPost("/classes", Handle)
        .RequireAuthorization(Policies.SchoolAdmin).ProducesProblem(StatusCodes.Status409Conflict).WithTags("Organisation");

    public static async Task<Results<Created<ClassDto>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid schoolId, Request request, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var v = new Validation(t);
        var yearId = v.RequiredValue("schoolYearId", request.SchoolYearId);
        var grade = v.RequiredValue("grade", request.Grade);
        if (request.Grade is not null && grade is < 1 or > 11) v.Add("grade", "Validation.Grade");
        var letter = (v.Optional("letter", request.Letter, 3) ?? "").ToUpperInvariant();
        if (letter.Length > 0 && !LetterPattern().IsMatch(letter)) v.Add("letter", "Validation.ClassLetter");
        if (request.SchoolYearId is not null && !await db.SchoolYears.AnyAsync(y => y.Id == yearId && y.SchoolId == schoolId, ct))
            v.Add("schoolYearId", "NotFound.SchoolYear");
        if (!v.IsValid) return v.Problem();

        var name = $"{grade}{letter}";
        if (await db.Classes.AnyAsync(c => c.SchoolYearId == yearId && c.Name == name, ct))
            return Validation.Conflict(t, "Conflict.ClassName", name);

        var schoolClass = new SchoolClass { Id = Guid.CreateVersion7(), SchoolId = schoolId, SchoolYearId = yearId, Grade = grade, Letter = letter, Name = name };
        db.Classes.Add(schoolClass);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/schools/{schoolId}/classes/{schoolClass.Id}",
            new ClassDto(schoolClass.Id, yearId, grade, letter, name));
    }

    [GeneratedRegex(@"^(\p{Lu}{1,2}|\d{1,2}|-\d{1,2})$")]
    private static partial Regex LetterPattern();
}
