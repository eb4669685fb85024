using Corrections.Web.Infrastructure;
using Corrections.Workflows.Access;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Requests;

public sealed record ActionFieldDto(string Name, string Type, bool Required);

public sealed record ActionDto(string Action, string Title, string Role, IReadOnlyList<ActionFieldDto> Fields);

/// <summary>
/// GET /api/v1/requests/{requestId}/actions: what the caller may do now (lesson 5: the server decides,
/// pages and programs only show it), with the fields each action needs.
/// </summary>
public static class GetActions
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/requests/{requestId:guid}/actions", Handle).WithTags("Requests");

    public static async Task<Results<Ok<List<ActionDto>>, ProblemHttpResult>> Handle(
        Guid requestId, CorrectionsDbContext db, WorkflowEngine engine, AccessScopeHolder scope, HttpContext http,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (await RequestAccess.FindAsync(db, scope.Current, requestId, ct) is not var (_, instance))
            return Validation.NotFound(t, "NotFound.Request");
        var actions = await engine.AvailableActionsAsync(instance, RequestAccess.ActorOf(scope.Current), ct);
        http.Response.Headers.ETag = Revisions.ETag(instance.Revision);
        return TypedResults.Ok(actions.Select(a => new ActionDto(a.Action, a.Title, a.Role, FieldsOf(a))).ToList());
    }

    /// <summary>The fields an action takes: a reason where the process requires one; the protocol for a retake.</summary>
    public static IReadOnlyList<ActionFieldDto> FieldsOf(AvailableAction action)
    {
        var fields = new List<ActionFieldDto> { new("reason", "text", action.ReasonRequired) };
        if (action.Action == "upload-protocol")
        {
            fields.Add(new("protocolNumber", "text", true));
            fields.Add(new("protocolDate", "date", true));
        }
        return fields;
    }
}
