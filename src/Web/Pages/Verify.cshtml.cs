using Corrections.Web.Features.Documents;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Pages;

/// <summary>Where a printed document's QR code leads: the system's own record of it, for a signed-in user of its school.</summary>
public sealed class VerifyModel(CorrectionsDbContext db, DefinitionRegistry definitions, IStringLocalizer<SharedResource> t) : PageModel
{
    public VerifiedDocumentDto? Document { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Document = await VerifyDocument.FindAsync(id, db, definitions, t, ct);
        if (Document is null) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
