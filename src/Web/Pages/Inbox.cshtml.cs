using Corrections.Web.Features.Requests;
using Corrections.Web.Infrastructure.Ui;
using Corrections.Workflows.Access;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Pages;

/// <summary>
/// The active role's open tasks, overdue first, then by due date: the director's inbox, the clerk's
/// registration and filing queue, the zavuch's unlocked requests with the time left. One page of
/// <see cref="TaskQueue.PageSize"/>; the whole list is never loaded.
/// </summary>
public sealed class InboxModel(CorrectionsDbContext db, AccessScopeHolder scope, UiContext ui, DefinitionRegistry definitions, TimeProvider clock) : PageModel
{
    public IReadOnlyList<TaskRow> Tasks { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int Pages => Math.Max(1, (Total + TaskQueue.PageSize - 1) / TaskQueue.PageSize);
    public IReadOnlyDictionary<Guid, string> Zones { get; private set; } = new Dictionary<Guid, string>();
    public WorkflowDefinition Definition { get; private set; } = null!;
    public UiContext Ui => ui;

    public async Task OnGetAsync(int p = 1, CancellationToken ct = default)
    {
        await ui.LoadAsync(ct);
        Definition = definitions.GetCurrent(CreateRequest.Definition);
        if (ui.Active is not { } role) return;
        // The layout's menu counted the same tasks a moment ago.
        Total = ui.TaskCount ?? await TaskQueue.CountAsync(db, scope.Current, role.Role, role.SchoolIds, ct);
        PageNumber = Math.Clamp(p, 1, Pages);
        Tasks = await TaskQueue.PageAsync(db, scope.Current, role.Role, role.SchoolIds, clock.GetUtcNow(), PageNumber, ct);
        var schoolIds = Tasks.Select(t => t.SchoolId).Distinct().ToList();
        Zones = await db.Schools.AsNoTracking().Where(s => schoolIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.TimeZoneId, ct);
    }
}
