using Corrections.Web.Infrastructure;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Documents;

public sealed record VerifiedDocumentDto(Guid Id, string Title, string? Number, DateOnly IssuedOn, string Status, string TextSha256);

/// <summary>
/// GET /api/v1/verify/{id} (and the page /verify/{id} the QR code opens): what the system issued under
/// that id — title, number, date, the request's current status, the hash of the text — to a signed-in
/// user of the document's school. For anyone else it does not exist.
/// </summary>
public static class VerifyDocument
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/verify/{id:guid}", Handle).ProducesProblem(StatusCodes.Status404NotFound).WithTags("Documents");

    public static async Task<Results<Ok<VerifiedDocumentDto>, ProblemHttpResult>> Handle(Guid id, CorrectionsDbContext db, DefinitionRegistry definitions, IStringLocalizer<SharedResource> t, CancellationToken ct)
        => await FindAsync(id, db, definitions, t, ct) is { } found ? TypedResults.Ok(found) : Validation.NotFound(t, "NotFound.IssuedDocument");

    public static async Task<VerifiedDocumentDto?> FindAsync(Guid id, CorrectionsDbContext db, DefinitionRegistry definitions, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var issued = await db.IssuedDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (issued is null) return null;
        var status = t["Verify.Issued"].Value;
        if (issued.RequestId is { } requestId && await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == requestId, ct) is { } instance)
        {
            var definition = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, db, ct);
            status = t["Verify.RequestState", definition.States[instance.State].Title];
        }
        return new VerifiedDocumentDto(issued.Id, issued.Title, issued.Number, issued.IssuedOn, status, issued.TextSha256);
    }
}
