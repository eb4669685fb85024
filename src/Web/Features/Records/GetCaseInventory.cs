using Corrections.Web.Infrastructure;
using Corrections.Workflows.Persistence;
using Corrections.Workflows.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Records;

public sealed record InventoryItemDto(
    int Ordinal, Guid DocumentId, DocumentKind Kind, string Number, DateOnly RegisteredOn, string Summary, int Sheets, DateOnly? FiledOn, Guid? RequestId);

public sealed record CaseInventoryDto(CaseDto Case, DateOnly? RetentionEndsOn, bool Destroyed, int TotalSheets, List<InventoryItemDto> Items);

/// <summary>
/// GET /api/v1/schools/{schoolId}/cases/{caseId}/inventory: the inventory of a case (опись дела), what
/// it holds in the order it was filed (a request's papers together, in the order they were registered),
/// with sheets, so the clerk can check the folder against it.
/// </summary>
public static class GetCaseInventory
{
    public static void Map(IEndpointRouteBuilder school) => school.MapGet("/cases/{caseId:guid}/inventory", Handle)
        .RequireAuthorization(Policies.SchoolRegisterReader).ProducesProblem(StatusCodes.Status404NotFound).WithTags("Records");

    public static async Task<Results<Ok<CaseInventoryDto>, ProblemHttpResult>> Handle(
        Guid schoolId, Guid caseId, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var file = await db.CaseFiles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId && c.SchoolId == schoolId, ct);
        if (file is null) return Validation.NotFound(t, "NotFound.Case");

        var documents = await CaseContents.Documents(db, file).AsNoTracking()
            .OrderBy(d => d.FiledOn ?? d.RegisteredOn).ThenBy(d => d.RequestId).ThenBy(d => d.RegisteredOn).ThenBy(d => d.Id).ToListAsync(ct);
        var items = documents.Select((d, i) => new InventoryItemDto(
            i + 1, d.Id, d.Kind, d.Number, d.RegisteredOn, d.Summary, d.Sheets + d.AttachmentsSheets, d.FiledOn, d.RequestId)).ToList();
        return TypedResults.Ok(new CaseInventoryDto(
            new CaseDto(file.Id, file.Year, file.Index, file.Title, file.RetentionYears, file.Note),
            file.RetentionEndsOn, file.DestroyedByActId is not null, items.Sum(i => i.Sheets), items));
    }
}
