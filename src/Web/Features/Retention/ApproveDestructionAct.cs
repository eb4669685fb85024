using Corrections.Web.Infrastructure;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Persistence;
using Corrections.Workflows.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Retention;

/// <summary>POST /api/v1/schools/{schoolId}/destruction-acts/{actId}/approve: the director approves a drawn-up act («УТВЕРЖДАЮ»).</summary>
public static class ApproveDestructionAct
{
    public static void Map(IEndpointRouteBuilder school) => school.MapPost("/destruction-acts/{actId:guid}/approve", Handle)
        .RequireAuthorization(Policies.SchoolDirector).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .WithTags("Retention");

    public static async Task<Results<Ok<DestructionActDto>, ProblemHttpResult>> Handle(
        Guid schoolId, Guid actId, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, TimeProvider clock, CancellationToken ct)
    {
        var act = await DestructionActDto.LoadAsync(db, schoolId, actId, ct);
        if (act is null) return Validation.NotFound(t, "NotFound.DestructionAct");
        if (act.Status != DestructionActStatus.Draft) return Validation.Conflict(t, "Retention.NotDraft", act.Number);
        if (act.DrawnUpById == db.Scope.UserId) return Validation.Conflict(t, "Retention.OwnAct", act.Number);

        var zone = await db.Schools.Where(s => s.Id == schoolId).Select(s => s.TimeZoneId).SingleAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Claimed atomically, so two approvals at once do not both pass.
        if (await db.DestructionActs.Where(a => a.Id == act.Id && a.Status == DestructionActStatus.Draft)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ApprovedById, db.Scope.UserId), ct) == 0)
            return Validation.Conflict(t, "Retention.NotDraft", act.Number);
        (act.Status, act.ApprovedOn, act.ApprovedById) = (DestructionActStatus.Approved, SchoolClock.Today(zone, clock), db.Scope.UserId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(DestructionActDto.From(act));
    }
}
