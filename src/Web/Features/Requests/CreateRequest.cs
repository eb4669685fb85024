using Corrections.Web.Infrastructure;
using Corrections.Workflows.Access;
using Corrections.Workflows.Corrections;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Requests;

/// <summary>POST /api/v1/schools/{schoolId}/requests: a teacher or zavuch starts a draft request.</summary>
public static class CreateRequest
{
    public const string Definition = "correction-request";

    public static void Map(IEndpointRouteBuilder school) => school.MapPost("/requests", Handle)
        .RequireAuthorization(Policies.SchoolInitiator).WithTags("Requests");

    public static async Task<Results<Created<RequestDto>, ValidationProblem>> Handle(
        Guid schoolId, RequestContentRequest body, CorrectionsDbContext db, WorkflowEngine engine, DefinitionRegistry definitions,
        AccessScopeHolder scope, TimeProvider clock, HttpContext http, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var v = new Validation(t);
        var actor = RequestAccess.ActorOf(scope.Current);
        var request = new CorrectionRequest { Id = Guid.CreateVersion7(), SchoolId = schoolId, InitiatorId = actor.UserId, CreatedAt = clock.GetUtcNow() };
        if (!await RequestContent.ApplyAsync(v, db, schoolId, body, request, ct)) return v.Problem();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var instance = await engine.CreateAsync(Definition, request.Id, schoolId, actor, ct);
        db.CorrectionRequests.Add(request);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        http.Response.Headers.ETag = Revisions.ETag(instance.Revision);
        return TypedResults.Created($"/api/v1/requests/{request.Id}", await RequestDtos.BuildAsync(db, definitions, request, instance, withHistory: true, ct));
    }
}
