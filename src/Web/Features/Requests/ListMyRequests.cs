using Corrections.Workflows.Access;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Features.Requests;

/// <summary>GET /api/v1/requests/mine: the requests I filed, newest first, in every school I work in.</summary>
public static class ListMyRequests
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/requests/mine", Handle).WithTags("Requests");

    public static async Task<Ok<List<RequestDto>>> Handle(CorrectionsDbContext db, DefinitionRegistry definitions, AccessScopeHolder scope, CancellationToken ct)
    {
        var me = scope.Current.UserId;
        var requests = await db.CorrectionRequests.AsNoTracking().Include(r => r.Entries).Where(r => r.InitiatorId == me).OrderByDescending(r => r.Id).Take(200).ToListAsync(ct);
        var ids = requests.Select(r => r.Id).ToList();
        var instances = await db.WorkflowInstances.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var result = new List<RequestDto>();
        foreach (var request in requests)
            result.Add(await RequestDtos.BuildAsync(db, definitions, request, instances[request.Id], withHistory: false, ct));
        return TypedResults.Ok(result);
    }
}
