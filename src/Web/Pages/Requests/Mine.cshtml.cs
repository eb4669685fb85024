using Corrections.Web.Features.Requests;
using Corrections.Web.Infrastructure.Ui;
using Corrections.Workflows.Access;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Persistence;
using Corrections.Workflows.Records;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Pages.Requests;

public sealed record MyRequestRow(Guid Id, Guid SchoolId, DateTimeOffset CreatedAt, string ClassName, string SubjectName, string State, string? Number, DateOnly? RegisteredOn, IReadOnlyList<(string Role, string Title, DateTimeOffset? DueAt)> Next);

/// <summary>«Мои заявления»: what I filed, newest first, with its state and what happens next (whose move, by when).</summary>
public sealed class MineModel(CorrectionsDbContext db, AccessScopeHolder scope, DefinitionRegistry definitions) : PageModel
{
    public IReadOnlyList<MyRequestRow> Rows { get; private set; } = [];
    public WorkflowDefinition Definition { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, string> Zones { get; private set; } = new Dictionary<Guid, string>();
    public Guid Me { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Me = scope.Current.UserId ?? Guid.Empty;
        var me = Me;
        Definition = definitions.GetCurrent(CreateRequest.Definition);
        var requests = await (
            from r in db.CorrectionRequests.AsNoTracking()
            where r.InitiatorId == me
            join i in db.WorkflowInstances.AsNoTracking() on r.Id equals i.Id
            join c in db.Classes.AsNoTracking() on r.ClassId equals c.Id
            join s in db.Subjects.AsNoTracking() on r.SubjectId equals s.Id
            let card = db.RegisteredDocuments.Where(d => d.RequestId == r.Id && d.Kind == DocumentKind.IncomingRequest).Select(d => new { d.Number, d.RegisteredOn }).FirstOrDefault()
            orderby r.Id descending
            select new { r.Id, r.SchoolId, r.CreatedAt, Class = c.Name, Subject = s.Name, i.State, Number = card == null ? null : card.Number, RegisteredOn = card == null ? (DateOnly?)null : card.RegisteredOn })
            .Take(200).ToListAsync(ct);
        var ids = requests.Select(r => r.Id).ToList();
        var waits = await db.WorkflowWaits.AsNoTracking().Where(w => ids.Contains(w.InstanceId) && w.Kind == WaitKind.Task).ToListAsync(ct);
        Rows = requests.ConvertAll(r => new MyRequestRow(r.Id, r.SchoolId, r.CreatedAt, r.Class, r.Subject, r.State, r.Number, r.RegisteredOn,
            [.. waits.Where(w => w.InstanceId == r.Id).Select(w => (w.Name, w.Title ?? "", w.DueAt))]));
        var schoolIds = Rows.Select(r => r.SchoolId).Distinct().ToList();
        Zones = await db.Schools.AsNoTracking().Where(s => schoolIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.TimeZoneId, ct);
    }
}
