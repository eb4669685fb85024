using Corrections.Web.Infrastructure;
using Corrections.Workflows.Journal;
using Corrections.Workflows.Organisation;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Journal;

public sealed record JournalModeDto(string Mode);

/// <summary>
/// GET and PUT /api/v1/schools/{schoolId}/journal-mode: how «apply» reaches the school's journal:
/// builtin (the product's journal), manual (an external journal changed by hand and confirmed), dnevnik.
/// </summary>
public static class SetJournalMode
{
    public static void Map(IEndpointRouteBuilder school)
    {
        school.MapGet("/journal-mode", async (Guid schoolId, CorrectionsDbContext db, CancellationToken ct)
            => TypedResults.Ok(new JournalModeDto(await JournalModes.ForSchoolAsync(db, schoolId, ct)))).WithTags("Journal");
        school.MapPut("/journal-mode", Handle).RequireAuthorization(Policies.SchoolAdmin).WithTags("Journal");
    }

    public static async Task<Results<Ok<JournalModeDto>, ValidationProblem>> Handle(
        Guid schoolId, JournalModeDto body, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var mode = body.Mode?.Trim().ToLowerInvariant();
        if (mode is null || !JournalModes.All.Contains(mode))
        {
            var v = new Validation(t);
            v.Add("mode", "Validation.JournalMode");
            return v.Problem();
        }
        var setting = await db.SchoolSettings.SingleOrDefaultAsync(s => s.SchoolId == schoolId && s.Name == JournalModes.Setting, ct)
            ?? db.SchoolSettings.Add(new SchoolSetting { SchoolId = schoolId, Name = JournalModes.Setting, Value = mode }).Entity;
        setting.Value = mode;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new JournalModeDto(mode));
    }
}
