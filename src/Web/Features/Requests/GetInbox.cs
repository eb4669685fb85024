using Corrections.Workflows.Access;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Features.Requests;

public sealed record InboxItemDto(Guid RequestId, Guid SchoolId, string State, string StateTitle, string Task, string Role, DateTimeOffset? DueAt, bool Overdue, int Revision, IReadOnlyList<string> Actions);

/// <summary>
/// GET /api/v1/inbox: my open tasks, overdue first, then by due date. A task is mine when the
/// engine lets me take one of its actions now: the same rule the action endpoint enforces.
/// </summary>
public static class GetInbox
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/inbox", Handle).WithTags("Requests");

    public static async Task<Ok<List<InboxItemDto>>> Handle(
        CorrectionsDbContext db, WorkflowEngine engine, DefinitionRegistry definitions, AccessScopeHolder scope, TimeProvider clock, CancellationToken ct)
    {
        var current = scope.Current;
        var me = current.UserId!.Value;
        var roles = Enum.GetValues<Role>().Where(r => current.SchoolIds.Any(s => current.HasSchoolRole(s, r))).Select(r => r.ToString()).Append(WorkflowEngine.InitiatorRole).Append(Workflows.Corrections.RequestParticipants.SubjectTeacher).ToList();
        var visible = RequestAccess.Visible(db, current).Select(r => r.Id);
        var candidates = await (
            from w in db.WorkflowWaits.AsNoTracking()
            join i in db.WorkflowInstances.AsNoTracking() on w.InstanceId equals i.Id
            where w.Kind == WaitKind.Task && roles.Contains(w.Name) && visible.Contains(i.Id)
            select new { Wait = w, Instance = i }).ToListAsync(ct);

        var now = clock.GetUtcNow();
        var actor = RequestAccess.ActorOf(current);
        var items = new List<InboxItemDto>();
        foreach (var group in candidates.GroupBy(c => c.Instance.Id))
        {
            var instance = group.First().Instance;
            var actions = await engine.AvailableActionsAsync(instance, actor, ct);
            var task = group.Select(c => c.Wait).FirstOrDefault(w => actions.Any(a => a.Role == w.Name));
            if (task is null) continue;
            var definition = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, db, ct);
            items.Add(new InboxItemDto(instance.Id, instance.SchoolId, instance.State, definition.States[instance.State].Title, task.Title ?? "", task.Name,
                task.DueAt, task.DueAt < now, instance.Revision, [.. actions.Select(a => a.Action)]));
        }
        return TypedResults.Ok(items.OrderByDescending(i => i.Overdue).ThenBy(i => i.DueAt ?? DateTimeOffset.MaxValue).ThenBy(i => i.RequestId).ToList());
    }
}
