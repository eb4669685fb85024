using Corrections.Web.Features.Requests;
using Corrections.Web.Infrastructure.Ui;
using Corrections.Workflows.Access;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Persistence;
using Corrections.Workflows.Records;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Pages.Department;

public sealed record EscalationRow(Guid RequestId, Guid SchoolId, string School, string? Number, DateOnly? RegisteredOn, string ClassName, string SubjectName, string State, DateTimeOffset? DueAt, bool Overdue);

/// <summary>
/// The department officer's view: the requests the municipality's schools escalated, waiting ones
/// first (overdue first), with filters by school and by state. Only escalated requests are visible.
/// </summary>
public sealed class IndexModel(CorrectionsDbContext db, AccessScopeHolder scope, UiContext ui, DefinitionRegistry definitions, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(Guid Id, string Name)> Schools { get; private set; } = [];
    public Guid? SchoolId { get; private set; }
    public bool Waiting { get; private set; }
    public IReadOnlyList<EscalationRow> Rows { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Zones { get; private set; } = new Dictionary<Guid, string>();
    public WorkflowDefinition Definition { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid? schoolId, bool? waiting, CancellationToken ct)
    {
        await ui.LoadAsync(ct);
        if (ui.Active is not { Role: Role.DepartmentOfficer } role) return Forbid();
        Definition = definitions.GetCurrent(CreateRequest.Definition);
        var schoolIds = role.SchoolIds.ToList();
        var schools = await db.Schools.AsNoTracking().Where(s => schoolIds.Contains(s.Id)).OrderBy(s => s.ShortName).Select(s => new { s.Id, s.ShortName, s.TimeZoneId }).ToListAsync(ct);
        Schools = [.. schools.Select(s => (s.Id, s.ShortName))];
        Zones = schools.ToDictionary(s => s.Id, s => s.TimeZoneId);
        (SchoolId, Waiting) = (schoolId, waiting ?? true);
        var filter = schoolId is { } one && schoolIds.Contains(one) ? [one] : schoolIds;
        var now = clock.GetUtcNow();
        var query =
            from r in RequestAccess.Visible(db, scope.Current).AsNoTracking()
            where filter.Contains(r.SchoolId) && db.WorkflowHistory.Any(h => h.InstanceId == r.Id && h.ToState == "escalated")
            join i in db.WorkflowInstances.AsNoTracking() on r.Id equals i.Id
            where !Waiting || i.State == "escalated"
            join s in db.Schools.AsNoTracking() on r.SchoolId equals s.Id
            join c in db.Classes.AsNoTracking() on r.ClassId equals c.Id
            join subject in db.Subjects.AsNoTracking() on r.SubjectId equals subject.Id
            let task = db.WorkflowWaits.Where(w => w.InstanceId == r.Id && w.Kind == WaitKind.Task && w.Name == nameof(Role.DepartmentOfficer)).Select(w => w.DueAt).FirstOrDefault()
            let card = db.RegisteredDocuments.Where(d => d.RequestId == r.Id && d.Kind == DocumentKind.IncomingRequest).Select(d => new { d.Number, d.RegisteredOn }).FirstOrDefault()
            orderby i.State == "escalated" descending, task != null && task < now descending, task, r.Id descending
            select new EscalationRow(r.Id, r.SchoolId, s.ShortName, card == null ? null : card.Number, card == null ? null : card.RegisteredOn,
                c.Name, subject.Name, i.State, task, task != null && task < now);
        Rows = await query.Take(500).ToListAsync(ct);
        return Page();
    }
}
