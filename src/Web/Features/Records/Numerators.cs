using Corrections.Web.Infrastructure;
using Corrections.Workflows.Persistence;
using Corrections.Workflows.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Records;

public sealed record NumeratorDto(DocumentKind Kind, string Format, string CaseIndex, string Example);

/// <summary>
/// GET /api/v1/schools/{schoolId}/numerators and PUT …/numerators/{kind}: how each kind of document
/// is numbered ({seq}, {case}, {year} and fixed text), with an example of the next form.
/// </summary>
public static class Numerators
{
    public sealed record Request(string? Format, string? CaseIndex);

    public static void Map(IEndpointRouteBuilder school)
    {
        school.MapGet("/numerators", List).RequireAuthorization(Policies.SchoolRecords).WithTags("Records");
        school.MapPut("/numerators/{kind}", Save).RequireAuthorization(Policies.SchoolRecords).WithTags("Records");
    }

    public static async Task<Ok<List<NumeratorDto>>> List(Guid schoolId, CorrectionsDbContext db, CancellationToken ct)
    {
        var saved = await db.Numerators.AsNoTracking().Where(n => n.SchoolId == schoolId).ToListAsync(ct);
        return TypedResults.Ok(Numerator.Defaults(schoolId).Select(d => saved.FirstOrDefault(s => s.Kind == d.Kind) ?? d).Select(Dto).ToList());
    }

    public static async Task<Results<Ok<NumeratorDto>, ValidationProblem>> Save(
        Guid schoolId, DocumentKind kind, Request body, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var v = new Validation(t);
        if (!Enum.IsDefined(kind)) v.Add("kind", "Validation.Unreadable");
        var format = v.Required("format", body.Format, 100);
        if (format.Length > 0 && Numerator.FormatProblem(format) is { } problem) v.Add("format", problem);
        var caseIndex = v.Required("caseIndex", body.CaseIndex, 20);
        if (!v.IsValid) return v.Problem();

        var numerator = await db.Numerators.SingleOrDefaultAsync(n => n.SchoolId == schoolId && n.Kind == kind, ct)
            ?? db.Numerators.Add(new Numerator { SchoolId = schoolId, Kind = kind, Format = format, CaseIndex = caseIndex }).Entity;
        (numerator.Format, numerator.CaseIndex) = (format, caseIndex);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Dto(numerator));
    }

    private static NumeratorDto Dto(Numerator n) => new(n.Kind, n.Format, n.CaseIndex, n.Render(45, 2026));
}
