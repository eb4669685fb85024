using Corrections.Web.Features.Requests;
using Corrections.Web.Infrastructure.Ui;
using Corrections.Workflows.Access;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Corrections;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Journal;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Persistence;
using Corrections.Workflows.Records;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Pages.Requests;

/// <summary>
/// One request as every role sees it: its content, the lock status of each entry, the scans (shown
/// inline to those who may see them), the papers, the history, the process diagram with the current
/// state, and a form for each action the engine lets this person take now.
/// </summary>
public sealed class ViewModel(CorrectionsDbContext db, AccessScopeHolder scope, WorkflowEngine engine, DefinitionRegistry definitions, TimeProvider clock, UiContext ui) : PageModel
{
    /// <summary>The list this person came from, by the role they work in.</summary>
    public string ListPage => ui.Active?.Role switch
    {
        Role.Teacher => "/Requests/Mine",
        Role.DepartmentOfficer => "/Department/Index",
        _ => "/Inbox",
    };

    public RequestDto Data { get; private set; } = null!;
    public IReadOnlyList<AvailableAction> Actions { get; private set; } = [];
    public IReadOnlyList<ScanDocument>? Scans { get; private set; }
    public bool MayUpload { get; private set; }
    public string Diagram { get; private set; } = "";
    public string Zone { get; private set; } = "UTC";
    public string JournalMode { get; private set; } = JournalModes.BuiltIn;
    public IReadOnlyDictionary<Guid, LockStatus> Locks { get; private set; } = new Dictionary<Guid, LockStatus>();
    public string? ProposedNumber { get; private set; }
    public DateOnly LocalToday { get; private set; }
    public bool Escalated { get; private set; }
    public bool Decided { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var current = scope.Current;
        await ui.LoadAsync(ct);
        if (await RequestAccess.FindAsync(db, current, id, ct) is not var (request, instance)) return NotFound();
        Data = await RequestDtos.BuildAsync(db, definitions, request, instance, withHistory: true, ct);
        Actions = await engine.AvailableActionsAsync(instance, RequestAccess.ActorOf(current), ct);
        if (await ScanAccess.MayViewAsync(db, current, request, ct))
            Scans = await db.ScanDocuments.AsNoTracking().Where(d => d.RequestId == id).OrderBy(d => d.UploadedAt).ToListAsync(ct);
        MayUpload = ScanAccess.MayUpload(current, request) && instance.State is not ("filed" or "rejected" or "withdrawn");
        var definition = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, db, ct);
        var path = Data.History!.Where(h => h.FromState != h.ToState).Select(h => h.ToState).ToList();
        Diagram = GetDiagram.Render(definition, instance.State, path);
        _definition = definition;
        Escalated = path.Contains("escalated");
        Decided = path.Any(s => s is "unlocked" or "awaiting-protocol" or "rejected");
        Zone = await SchoolLists.TimeZoneAsync(db, request.SchoolId, ct);
        LocalToday = SchoolClock.Today(Zone, clock);
        JournalMode = await JournalModes.ForSchoolAsync(db, request.SchoolId, ct);
        if (instance.State is "draft" or "returned")
        {
            var policy = await LockPolicies.ForSchoolAsync(db, request.SchoolId, ct);
            var locks = new Dictionary<Guid, LockStatus>();
            foreach (var entry in request.Entries) locks[entry.Id] = await LockPolicies.StatusAsync(db, policy, Zone, entry, clock, ct);
            Locks = locks;
        }
        if (Actions.Any(a => a.Action == "register"))
        {
            var numerator = await db.Numerators.AsNoTracking().SingleOrDefaultAsync(n => n.SchoolId == request.SchoolId && n.Kind == DocumentKind.IncomingRequest, ct)
                ?? Numerator.Defaults(request.SchoolId).Single(n => n.Kind == DocumentKind.IncomingRequest);
            // The number registration would give now; the step allocates it for real, so two clerks never share one.
            var last = await db.NumberSequences.AsNoTracking()
                .Where(q => q.SchoolId == request.SchoolId && q.Kind == DocumentKind.IncomingRequest && q.Year == LocalToday.Year).Select(q => (int?)q.Last).SingleOrDefaultAsync(ct) ?? 0;
            ProposedNumber = numerator.Render(last + 1, LocalToday.Year);
        }
        return Page();
    }

    private WorkflowDefinition? _definition;

    /// <summary>The step's title as the process names it («create» is the draft being started).</summary>
    public string? TransitionTitle(string action, string? from)
        => _definition?.Transitions.FirstOrDefault(t => (t.Trigger.Action == action || t.Name == action) && (from is null || t.From.Contains(from)))?.Title
;

    public bool IsSigned(string action) => DecisionSignatures.Required(action);
}
