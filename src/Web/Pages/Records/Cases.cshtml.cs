using Corrections.Web.Features.Records;
using Corrections.Web.Infrastructure.Ui;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Pages.Records;

/// <summary>The nomenclature of cases for a year: the clerk adds and edits cases; each opens its inventory.</summary>
public sealed class CasesModel(CorrectionsDbContext db, UiContext ui, TimeProvider clock) : PageModel
{
    public Guid SchoolId { get; private set; }
    public int Year { get; private set; }
    public IReadOnlyList<CaseDto> Cases { get; private set; } = [];
    public IReadOnlyDictionary<Guid, int> Counts { get; private set; } = new Dictionary<Guid, int>();
    public bool MayEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        await ui.LoadAsync(ct);
        if (ui.Active is not { Role: Role.Clerk or Role.Admin or Role.Director, SchoolId: { } schoolId }) return Forbid();
        SchoolId = schoolId;
        MayEdit = ui.Active.Role is Role.Clerk or Role.Admin;
        var zone = await SchoolLists.TimeZoneAsync(db, schoolId, ct);
        Year = year ?? SchoolClock.Today(zone, clock).Year;
        Cases = (await ListCases.Handle(schoolId, Year, db, ct)).Value ?? [];
        var ids = Cases.Select(c => c.Id).ToList();
        Counts = await db.RegisteredDocuments.AsNoTracking().Where(d => d.FiledCaseId != null && ids.Contains(d.FiledCaseId.Value))
            .GroupBy(d => d.FiledCaseId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return Page();
    }
}
