using System.Text;
using Corrections.Web.Infrastructure;
using Corrections.Workflows.Access;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Requests;

/// <summary>
/// GET /api/v1/requests/{requestId}/diagram: the request's process definition as Mermaid text, the
/// current state highlighted and the states it passed through marked, in the order taken.
/// </summary>
public static class GetDiagram
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/requests/{requestId:guid}/diagram", Handle)
        .WithTags("Requests").Produces<string>(contentType: "text/plain").ProducesProblem(404);

    public static async Task<IResult> Handle(
        Guid requestId, CorrectionsDbContext db, DefinitionRegistry definitions, AccessScopeHolder scope, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (await RequestAccess.FindAsync(db, scope.Current, requestId, ct) is not var (_, instance))
            return Validation.NotFound(t, "NotFound.Request");
        var definition = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, db, ct);
        var path = await db.WorkflowHistory.AsNoTracking().Where(h => h.InstanceId == instance.Id && h.FromState != h.ToState)
            .OrderBy(h => h.Revision).Select(h => h.ToState).ToListAsync(ct);
        return TypedResults.Text(Render(definition, instance.State, path), "text/plain; charset=utf-8");
    }

    /// <summary>Mermaid ids cannot hold hyphens, so each state gets «awaiting_protocol» with its Russian title as label.</summary>
    public static string Render(WorkflowDefinition definition, string current, IReadOnlyList<string> path)
    {
        static string Id(string state) => state.Replace('-', '_');
        static string Label(string text) => text.Replace("\"", "'", StringComparison.Ordinal);
        var text = new StringBuilder("stateDiagram-v2\n");
        text.Append("    %% ").Append(definition.Id).Append(" version ").Append(definition.Version).Append('\n');
        if (path.Count > 0) text.Append("    %% path: ").AppendJoin(" -> ", path).Append('\n');
        foreach (var state in definition.States.Values)
            text.Append("    state \"").Append(Label(state.Title)).Append("\" as ").Append(Id(state.Name)).Append('\n');
        text.Append("    [*] --> ").Append(Id(definition.Initial)).Append('\n');
        foreach (var transition in definition.Transitions)
            foreach (var from in transition.From)
                text.Append("    ").Append(Id(from)).Append(" --> ").Append(Id(transition.To)).Append(" : ").Append(Label(transition.Title ?? transition.Name)).Append('\n');
        foreach (var state in definition.States.Values.Where(s => s.Final))
            text.Append("    ").Append(Id(state.Name)).Append(" --> [*]\n");
        text.Append("    classDef current fill:#ffd966,stroke:#7f6000,stroke-width:3px\n");
        text.Append("    classDef visited fill:#d9ead3,stroke:#38761d\n");
        var visited = path.Where(s => s != current).Distinct().ToList();
        if (visited.Count > 0) text.Append("    class ").AppendJoin(",", visited.Select(Id)).Append(" visited\n");
        text.Append("    class ").Append(Id(current)).Append(" current\n");
        return text.ToString();
    }
}
