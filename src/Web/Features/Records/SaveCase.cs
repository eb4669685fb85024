using System.Text.RegularExpressions;
using Corrections.Web.Infrastructure;
using Corrections.Workflows.Persistence;
using Corrections.Workflows.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Records;

/// <summary>
/// POST /api/v1/schools/{schoolId}/cases and PUT …/cases/{caseId}: the clerk or the administrator keeps
/// the nomenclature. An index is unique within the school's year.
/// </summary>
public static partial class SaveCase
{
    public sealed record Request(int? Year, string? Index, string? Title, int? RetentionYears, string? Note);

    public static void Map(IEndpointRouteBuilder school)
    {
        school.MapPost("/cases", (Guid schoolId, Request body, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
            => SaveAsync(schoolId, null, body, db, t, ct)).RequireAuthorization(Policies.SchoolRecords).WithTags("Records");
        school.MapPut("/cases/{caseId:guid}", (Guid schoolId, Guid caseId, Request body, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
            => SaveAsync(schoolId, caseId, body, db, t, ct)).RequireAuthorization(Policies.SchoolRecords).WithTags("Records");
    }

    private static async Task<Results<Ok<CaseDto>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        Guid schoolId, Guid? caseId, Request body, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var existing = caseId is null ? null : await db.CaseFiles.SingleOrDefaultAsync(c => c.Id == caseId && c.SchoolId == schoolId, ct);
        if (caseId is not null && existing is null) return Validation.NotFound(t, "NotFound.Case");

        var v = new Validation(t);
        var year = v.RequiredValue("year", body.Year);
        if (body.Year is < 2000 or > 2100) v.Add("year", "Validation.Year");
        var index = v.Required("index", body.Index, 20);
        if (index.Length > 0 && !IndexPattern().IsMatch(index)) v.Add("index", "Validation.CaseIndex");
        var title = v.Required("title", body.Title, Limits.LongName);
        if (body.RetentionYears is < 1 or > 100) v.Add("retentionYears", "Validation.Retention");
        var note = v.Optional("note", body.Note, Limits.LongName);
        if (!v.IsValid) return v.Problem();
        if (await db.CaseFiles.AnyAsync(c => c.SchoolId == schoolId && c.Year == year && c.Index == index && c.Id != caseId, ct))
            return Validation.Conflict(t, "Conflict.CaseIndex", index, year);

        // Retention protects what a case holds: once it holds documents, it cannot move, and its period may only grow.
        if (existing is not null && (existing.Year != year || existing.Index != index
                || (existing.RetentionYears is { } kept && body.RetentionYears < kept)
                || (existing.RetentionYears is null && body.RetentionYears is not null))
            && await CaseContents.Documents(db, existing).AnyAsync(ct))
            return Validation.Conflict(t, "Case.HasDocuments", existing.Index, existing.Year);
        if (existing?.DestroyedByActId is not null) return Validation.Conflict(t, "Retention.AlreadyDestroyed", existing.Index, existing.Year);

        var file = existing ?? db.CaseFiles.Add(new CaseFile { Id = Guid.CreateVersion7(), SchoolId = schoolId, Index = index, Title = title }).Entity;
        (file.Year, file.Index, file.Title, file.RetentionYears, file.Note) = (year, index, title, body.RetentionYears, note);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new CaseDto(file.Id, file.Year, file.Index, file.Title, file.RetentionYears, file.Note));
    }

    [GeneratedRegex(@"^[0-9А-ЯA-Z]{1,4}(-[0-9А-ЯA-Z]{1,4}){0,3}$")]
    private static partial Regex IndexPattern();
}
