using Corrections.Web.Features.Journal;
using Corrections.Web.Infrastructure.Ui;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Pages.Journal;

/// <summary>Who changed what in the built-in journal, like СГО's access report, for a class and a span of dates.</summary>
public sealed class AccessReportModel(CorrectionsDbContext db, UiContext ui, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<Option> Classes { get; private set; } = [];
    public Guid? ClassId { get; private set; }
    public DateOnly? From { get; private set; }
    public DateOnly? To { get; private set; }
    public IReadOnlyList<AccessReportLineDto> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? classId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        await ui.LoadAsync(ct);
        if (ui.Active is not { Role: Role.Zavuch or Role.Director, SchoolId: { } schoolId }) return Forbid();
        Classes = await SchoolLists.ClassesAsync(db, schoolId, ct);
        (ClassId, From, To) = (classId, from, to);
        Lines = [.. ((await GetAccessReport.Handle(schoolId, classId, null, null, null, from, to, db, t, ct)).Value ?? []).Take(500)];
        return Page();
    }
}
