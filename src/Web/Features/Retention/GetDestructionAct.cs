using Corrections.Web.Infrastructure;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Retention;

/// <summary>GET /api/v1/schools/{schoolId}/destruction-acts and …/{actId}: the acts, kept for good, each with its log of what was destroyed.</summary>
public static class GetDestructionAct
{
    public static void Map(IEndpointRouteBuilder school)
    {
        school.MapGet("/destruction-acts", List).RequireAuthorization(Policies.SchoolRetention).WithTags("Retention");
        school.MapGet("/destruction-acts/{actId:guid}", Get).RequireAuthorization(Policies.SchoolRetention)
            .ProducesProblem(StatusCodes.Status404NotFound).WithTags("Retention");
    }

    public static async Task<Ok<List<DestructionActDto>>> List(Guid schoolId, CorrectionsDbContext db, CancellationToken ct)
    {
        var acts = await db.DestructionActs.AsNoTracking().Include(a => a.Cases).Include(a => a.Destroyed).AsSplitQuery()
            .Where(a => a.SchoolId == schoolId).OrderByDescending(a => a.Year).ThenByDescending(a => a.Sequence).ToListAsync(ct);
        return TypedResults.Ok(acts.ConvertAll(DestructionActDto.From));
    }

    public static async Task<Results<Ok<DestructionActDto>, ProblemHttpResult>> Get(
        Guid schoolId, Guid actId, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
        => await DestructionActDto.LoadAsync(db, schoolId, actId, ct) is { } act
            ? TypedResults.Ok(DestructionActDto.From(act))
            : Validation.NotFound(t, "NotFound.DestructionAct");
}
