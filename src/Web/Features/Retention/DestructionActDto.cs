using Corrections.Workflows.Persistence;
using Corrections.Workflows.Records;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Features.Retention;

public sealed record DestructionActCaseDto(Guid CaseId, string Index, string Title, int Year, int RetentionYears, int Documents, int Sheets);

public sealed record DestroyedRecordDto(string ObjectType, Guid ObjectId, string Description, string? Sha256, DateOnly DestroyedOn);

public sealed record DestructionActDto(
    Guid Id, string Number, DestructionActStatus Status, DateOnly DrawnUpOn, DateOnly? ApprovedOn, DateOnly? ExecutedOn,
    List<DestructionActCaseDto> Cases, List<DestroyedRecordDto> Destroyed)
{
    public static DestructionActDto From(DestructionAct a) => new(
        a.Id, a.Number, a.Status, a.DrawnUpOn, a.ApprovedOn, a.ExecutedOn,
        [.. a.Cases.OrderBy(c => c.CaseYear).ThenBy(c => c.CaseIndex).Select(c => new DestructionActCaseDto(c.CaseFileId, c.CaseIndex, c.CaseTitle, c.CaseYear, c.RetentionYears, c.Documents, c.Sheets))],
        [.. a.Destroyed.OrderBy(d => d.ObjectType).ThenBy(d => d.Description).Select(d => new DestroyedRecordDto(d.ObjectType, d.ObjectId, d.Description, d.Sha256, d.DestroyedOn))]);

    public static Task<DestructionAct?> LoadAsync(CorrectionsDbContext db, Guid schoolId, Guid actId, CancellationToken ct)
        => db.DestructionActs.Include(a => a.Cases).Include(a => a.Destroyed).AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == actId && a.SchoolId == schoolId, ct);
}
