using Corrections.Documents.Papers;
using Corrections.Web.Features.Records;
using Corrections.Web.Infrastructure;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Documents;

/// <summary>GET /api/v1/schools/{schoolId}/cases/{caseId}/inventory/document?format=: the case's inventory, printed to go into the folder.</summary>
public static class InventoryDocument
{
    public static void Map(IEndpointRouteBuilder school) => school.MapGet("/cases/{caseId:guid}/inventory/document", Handle)
        .RequireAuthorization(Policies.SchoolRegisterReader).Produces<Stream>(contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound).WithTags("Documents");

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Handle(
        Guid schoolId, Guid caseId, string? format, CorrectionsDbContext db, DocumentFonts fonts, DocumentIssuer issuer, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var (kind, formatProblem) = DocumentFiles.ParseFormat(format, t);
        if (formatProblem is not null) return formatProblem;
        if (issuer.Unavailable(fonts) is { } unavailable) return unavailable;
        if ((await GetCaseInventory.Handle(schoolId, caseId, db, t, ct)).Result is not Ok<CaseInventoryDto> { Value: { } inventory })
            return Validation.NotFound(t, "NotFound.Case");
        var school = await db.Schools.Where(s => s.Id == schoolId).Select(s => s.FullName).SingleAsync(ct);
        var c = inventory.Case;
        var model = RecordsPapers.Inventory(new InventoryInput(school, c.Index, c.Title, c.Year, c.RetentionYears,
            [.. inventory.Items.Select(i => new InventoryLine(i.Ordinal, i.Number, i.RegisteredOn, i.Summary, i.Sheets, i.FiledOn))],
            await SchoolPeople.HolderAsync(db, schoolId, Role.Clerk, ct)));
        return await issuer.FileAsync(model, kind!, string.Format(System.Globalization.CultureInfo.InvariantCulture, t["Document.InventoryFileName"], c.Index, c.Year), schoolId, c.Index, null, ct);
    }
}
