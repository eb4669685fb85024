using Corrections.Web.Infrastructure;
using Corrections.Workflows.Access;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Requests;

/// <summary>GET /api/v1/requests/{requestId}: the request, its state and its history; the revision as ETag.</summary>
public static class GetRequest
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/requests/{requestId:guid}", Handle).WithTags("Requests");

    public static async Task<Results<Ok<RequestDto>, ProblemHttpResult>> Handle(
        Guid requestId, CorrectionsDbContext db, DefinitionRegistry definitions, AccessScopeHolder scope, HttpContext http,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (await RequestAccess.FindAsync(db, scope.Current, requestId, ct) is not var (request, instance))
            return Validation.NotFound(t, "NotFound.Request");
        http.Response.Headers.ETag = Revisions.ETag(instance.Revision);
        return TypedResults.Ok(await RequestDtos.BuildAsync(db, definitions, request, instance, withHistory: true, ct, t));
    }
}
