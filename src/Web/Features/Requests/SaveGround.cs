using System.Text.RegularExpressions;
using Corrections.Web.Infrastructure;
using Corrections.Workflows.Corrections;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Requests;

/// <summary>
/// POST /api/v1/schools/{schoolId}/grounds and PUT …/grounds/{groundId}: the school's administrator keeps
/// its list of valid reasons and the documents each requires. A ground is never deleted, since requests
/// name it; one no longer used is made inactive and leaves the teacher's list.
/// </summary>
public static partial class SaveGround
{
    public sealed record Request(string? Code, string? Title, bool? IsRetake, IReadOnlyList<string>? RequiredDocuments, bool? IsActive);

    public static void Map(IEndpointRouteBuilder school)
    {
        school.MapPost("/grounds", (Guid schoolId, Request body, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
            => SaveAsync(schoolId, null, body, db, t, ct)).RequireAuthorization(Policies.SchoolAdmin).WithTags("Requests");
        school.MapPut("/grounds/{groundId:guid}", (Guid schoolId, Guid groundId, Request body, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
            => SaveAsync(schoolId, groundId, body, db, t, ct)).RequireAuthorization(Policies.SchoolAdmin).WithTags("Requests");
    }

    private static async Task<Results<Ok<GroundDto>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        Guid schoolId, Guid? groundId, Request body, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var ground = groundId is { } id ? await db.Grounds.SingleOrDefaultAsync(g => g.Id == id && g.SchoolId == schoolId, ct) : null;
        if (groundId is not null && ground is null) return Validation.NotFound(t, "NotFound.Ground");

        var v = new Validation(t);
        var title = v.Required("title", body.Title, Limits.LongName);
        var documents = (body.RequiredDocuments ?? []).Distinct().ToList();
        if (documents.FirstOrDefault(d => !DocumentTypes.All.Contains(d)) is { } unknown) v.Add("requiredDocuments", "Scan.UnknownType", string.Join(", ", DocumentTypes.All));
        string? code = null;
        if (ground is null)
        {
            code = v.Required("code", body.Code?.Trim().ToLowerInvariant(), 64);
            if (code.Length > 0 && !CodePattern().IsMatch(code)) v.Add("code", "Ground.CodeFormat");
            else if (code.Length > 0 && await db.Grounds.AnyAsync(g => g.SchoolId == schoolId && g.Code == code, ct)) v.Add("code", "Ground.CodeTaken");
        }
        if (!v.IsValid) return v.Problem();

        ground ??= db.Grounds.Add(new Ground { Id = Guid.CreateVersion7(), SchoolId = schoolId, Code = code!, Title = title, IsRetake = body.IsRetake ?? false }).Entity;
        ground.Title = title;
        ground.RequiredDocuments = documents;
        ground.IsActive = body.IsActive ?? true;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new GroundDto(ground.Id, ground.Code, ground.Title, ground.IsRetake, ground.RequiredDocuments));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex CodePattern();
}
