using Corrections.Web.Infrastructure;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Persistence;
using Corrections.Workflows.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Retention;

/// <summary>
/// POST /api/v1/schools/{schoolId}/destruction-acts: the clerk draws up an act of destruction listing
/// cases whose retention has ended. A case still in retention, kept permanently, already destroyed,
/// or listed in another open act is refused by name, and no act is made.
/// </summary>
public static class DrawUpDestructionAct
{
    public sealed record Request(List<Guid>? CaseIds);

    public static void Map(IEndpointRouteBuilder school) => school.MapPost("/destruction-acts", Handle)
        .RequireAuthorization(Policies.SchoolRecords).ProducesProblem(StatusCodes.Status409Conflict).WithTags("Retention");

    public static async Task<Results<Created<DestructionActDto>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid schoolId, Request body, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation(t);
        var ids = body.CaseIds?.Distinct().ToList() ?? [];
        if (ids.Count == 0) v.Add("caseIds", "Retention.NoCases");
        if (ids.Count > 200) v.Add("caseIds", "Retention.TooManyCases", 200);
        if (!v.IsValid) return v.Problem();

        var cases = await db.CaseFiles.Where(c => c.SchoolId == schoolId && ids.Contains(c.Id)).ToListAsync(ct);
        if (cases.Count != ids.Count) return Validation.NotFound(t, "NotFound.Case");
        var zone = await db.Schools.Where(s => s.Id == schoolId).Select(s => s.TimeZoneId).SingleAsync(ct);
        var today = SchoolClock.Today(zone, clock);
        foreach (var c in cases.OrderBy(c => c.Year).ThenBy(c => c.Index))
        {
            if (Retention.Refusal(c, today) is { } refusal) return Validation.Conflict(t, refusal.Key, refusal.Args);
            var open = await db.DestructionActs.Where(a => a.Status != DestructionActStatus.Executed && a.Cases.Any(l => l.CaseFileId == c.Id))
                .Select(a => a.Number).FirstOrDefaultAsync(ct);
            if (open is not null) return Validation.Conflict(t, "Retention.InOpenAct", c.Index, c.Year, open);
        }

        // The act's number is taken inside the transaction that saves the act, so a failure leaves no gap.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = await NumberAllocator.AssignAsync(db, schoolId, DocumentKind.DestructionAct, today, ct);
        var act = new DestructionAct
        {
            Id = Guid.CreateVersion7(), SchoolId = schoolId, Number = number.Text, Year = number.Year, Sequence = number.Sequence,
            Status = DestructionActStatus.Draft, DrawnUpOn = today, DrawnUpById = db.Scope.UserId ?? Guid.Empty,
        };
        foreach (var c in cases)
        {
            var contents = await CaseContents.Documents(db, c).Select(d => d.Sheets + d.AttachmentsSheets).ToListAsync(ct);
            act.Cases.Add(new DestructionActCase
            {
                Id = Guid.CreateVersion7(), SchoolId = schoolId, ActId = act.Id, CaseFileId = c.Id, CaseIndex = c.Index, CaseTitle = c.Title,
                CaseYear = c.Year, RetentionYears = c.RetentionYears!.Value, Documents = contents.Count, Sheets = contents.Sum(),
            });
        }
        db.DestructionActs.Add(act);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/schools/{schoolId}/destruction-acts/{act.Id}", DestructionActDto.From(act));
    }
}

/// <summary>Why a case may not be destroyed today, as a resource key and its arguments; null when it may.</summary>
public static class Retention
{
    public sealed record Refused(string Key, object[] Args);

    public static Refused? Refusal(CaseFile c, DateOnly today)
    {
        if (c.DestroyedByActId is not null) return new("Retention.AlreadyDestroyed", [c.Index, c.Year]);
        if (c.RetentionEndsOn is not { } ends) return new("Retention.Permanent", [c.Index, c.Year]);
        return today < ends ? new("Retention.NotEnded", [c.Index, c.Year, ends.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)]) : null;
    }
}
