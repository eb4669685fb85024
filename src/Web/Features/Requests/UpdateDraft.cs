using Corrections.Web.Infrastructure;
using Corrections.Workflows.Access;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Requests;

/// <summary>PUT /api/v1/requests/{requestId}: the initiator edits a draft (or a returned request), with If-Match.</summary>
public static class UpdateDraft
{
    private static readonly string[] EditableStates = ["draft", "returned"];

    public static void Map(IEndpointRouteBuilder api) => api.MapPut("/requests/{requestId:guid}", Handle).WithTags("Requests");

    public static async Task<Results<Ok<RequestDto>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid requestId, RequestContentRequest body, CorrectionsDbContext db, DefinitionRegistry definitions, AccessScopeHolder scope,
        TimeProvider clock, HttpContext http, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (await RequestAccess.FindAsync(db, scope.Current, requestId, ct) is not var (request, instance))
            return Validation.NotFound(t, "NotFound.Request");
        if (request.InitiatorId != scope.Current.UserId)
            return TypedResults.Problem(statusCode: 403, title: t["Problem.Forbidden"], detail: t["Request.OnlyInitiatorEdits"]);
        if (!EditableStates.Contains(instance.State))
            return TypedResults.Problem(statusCode: 409, title: t["Problem.Conflict"], detail: t["Request.NotEditable"]);
        if (Revisions.FromIfMatch(http.Request) is not { } expected)
            return TypedResults.Problem(statusCode: 428, title: t["Problem.PreconditionRequired"], detail: t["Request.IfMatchRequired"]);
        if (expected != instance.Revision)
            return TypedResults.Problem(statusCode: 409, title: t["Problem.Conflict"], detail: t["Step.Stale", expected, instance.Revision]);

        var v = new Validation(t);
        if (!await RequestContent.ApplyAsync(v, db, request.SchoolId, body, request, ct)) return v.Problem();
        // An edit is a change like a step: it moves the revision and leaves a line in the history.
        instance.Revision++;
        instance.UpdatedAt = clock.GetUtcNow();
        db.WorkflowHistory.Add(new WorkflowHistoryEntry
        {
            Id = Guid.CreateVersion7(), SchoolId = instance.SchoolId, InstanceId = instance.Id, Revision = instance.Revision, At = instance.UpdatedAt,
            ActorId = scope.Current.UserId, ActorRole = WorkflowEngine.InitiatorRole, Action = "edit", FromState = instance.State, ToState = instance.State,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(statusCode: 409, title: t["Problem.Conflict"], detail: t["Step.StaleConcurrent"]);
        }
        http.Response.Headers.ETag = Revisions.ETag(instance.Revision);
        return TypedResults.Ok(await RequestDtos.BuildAsync(db, definitions, request, instance, withHistory: true, ct));
    }
}
