using Corrections.Workflows.Accounts;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Workflows.Access;

public static class AccessScopeLoader
{
    /// <summary>Reads the user's role assignments and the schools they reach. Bypasses the filters it feeds.</summary>
    public static async Task<AccessScope> LoadAsync(CorrectionsDbContext db, Guid userId, CancellationToken ct)
    {
        var assignments = await db.RoleAssignments.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.UserId == userId).ToListAsync(ct);
        var installationAdmin = assignments.Any(a => a.Role == Role.Admin && a.SchoolId is null && a.MunicipalityId is null);

        var schoolIds = assignments.Where(a => a.SchoolId is not null).Select(a => a.SchoolId!.Value).Distinct().ToList();
        var municipalityIds = assignments.Where(a => a.SchoolId is null && a.MunicipalityId is not null)
            .Select(a => a.MunicipalityId!.Value).Distinct().ToList();

        var schools = db.Schools.IgnoreQueryFilters().AsNoTracking();
        if (!installationAdmin)
            schools = schools.Where(s => schoolIds.Contains(s.Id) || municipalityIds.Contains(s.MunicipalityId));
        var map = await schools.Select(s => new { s.Id, s.MunicipalityId }).ToDictionaryAsync(s => s.Id, s => s.MunicipalityId, ct);

        return AccessScope.ForUser(userId, assignments, map, installationAdmin);
    }
}
