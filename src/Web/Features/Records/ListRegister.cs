using Corrections.Workflows.Persistence;
using Corrections.Workflows.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Features.Records;

public sealed record RegisterEntryDto(
    Guid Id, DocumentKind Kind, string Number, DateOnly RegisteredOn, DateOnly ReceivedOn, string Author, string Addressee, string Summary,
    int Sheets, int AttachmentsCount, int AttachmentsSheets, string CaseIndex, Guid? RequestId, string? State, bool OnControl,
    string? AccessRestriction, string? FilingMark, Guid? LinkedDocumentId);

/// <summary>
/// GET /api/v1/schools/{schoolId}/register?from=&amp;to=&amp;kind=&amp;state=&amp;text=: the register of documents
/// (журнал регистрации), newest first, filtered by registration period, kind, request state and text.
/// </summary>
public static class ListRegister
{
    public static void Map(IEndpointRouteBuilder school) => school.MapGet("/register", Handle)
        .RequireAuthorization(Infrastructure.Policies.SchoolRegisterReader).WithTags("Records");

    public static async Task<Ok<List<RegisterEntryDto>>> Handle(
        Guid schoolId, DateOnly? from, DateOnly? to, DocumentKind? kind, string? state, string? text, CorrectionsDbContext db, CancellationToken ct)
        => TypedResults.Ok(await QueryAsync(schoolId, from, to, kind, state, text, db, ct));

    /// <summary>The register's rows for these filters, newest first (at most 5000): shared by the list and the export.</summary>
    public static async Task<List<RegisterEntryDto>> QueryAsync(
        Guid schoolId, DateOnly? from, DateOnly? to, DocumentKind? kind, string? state, string? text, CorrectionsDbContext db, CancellationToken ct)
    {
        var rows =
            from d in db.RegisteredDocuments.AsNoTracking()
            join i in db.WorkflowInstances.AsNoTracking() on d.RequestId equals i.Id into instances
            from i in instances.DefaultIfEmpty()
            where d.SchoolId == schoolId
            select new { d, State = i == null ? null : i.State };
        if (from is not null) rows = rows.Where(r => r.d.RegisteredOn >= from);
        if (to is not null) rows = rows.Where(r => r.d.RegisteredOn <= to);
        if (kind is not null) rows = rows.Where(r => r.d.Kind == kind);
        if (!string.IsNullOrWhiteSpace(state)) rows = rows.Where(r => r.State == state);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var needle = text.Trim().ToLower();
            rows = rows.Where(r => r.d.Number.ToLower().Contains(needle) || r.d.Summary.ToLower().Contains(needle) || r.d.Author.ToLower().Contains(needle));
        }
        var list = await rows.OrderByDescending(r => r.d.RegisteredOn).ThenByDescending(r => r.d.Id).Take(5000).ToListAsync(ct);
        return list.ConvertAll(r => new RegisterEntryDto(
            r.d.Id, r.d.Kind, r.d.Number, r.d.RegisteredOn, r.d.ReceivedOn, r.d.Author, r.d.Addressee, r.d.Summary,
            r.d.Sheets, r.d.AttachmentsCount, r.d.AttachmentsSheets, r.d.CaseIndex, r.d.RequestId, r.State, r.d.OnControl, r.d.AccessRestriction,
            r.d.FilingMark, r.d.LinkedDocumentId));
    }
}
