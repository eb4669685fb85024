using Corrections.Workflows.Accounts;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Workflows.Access;

public static class AccessScopeLoader
{
    /// <summary>
    /// Reads the user's role assignments and the schools they reach, in one round trip (it runs on
    /// every request). Bypasses the filters it feeds. Each assignment comes back once per school it
    /// reaches (once with no school if it reaches none): its own school, every school of its
    /// municipality, or every school for an installation administrator (Admin with neither id).
    /// </summary>
    public static async Task<AccessScope> LoadAsync(CorrectionsDbContext db, Guid userId, CancellationToken ct)
    {
        var admin = nameof(Role.Admin);
        var rows = await db.Database.SqlQuery<Reach>($"""
            SELECT a."Id", a."Role", a."SchoolId", a."MunicipalityId", s."Id" AS "ReachedSchoolId", s."MunicipalityId" AS "ReachedMunicipalityId"
            FROM "RoleAssignments" AS a
            LEFT JOIN "Schools" AS s ON s."Id" = a."SchoolId"
                OR (a."SchoolId" IS NULL AND a."MunicipalityId" IS NOT NULL AND s."MunicipalityId" = a."MunicipalityId")
                OR (a."SchoolId" IS NULL AND a."MunicipalityId" IS NULL AND a."Role" = {admin})
            WHERE a."UserId" = {userId}
            """).ToListAsync(ct);

        var assignments = new List<RoleAssignment>();
        var map = new Dictionary<Guid, Guid>();
        foreach (var row in rows)
        {
            if (!assignments.Exists(a => a.Id == row.Id))
                assignments.Add(new RoleAssignment { Id = row.Id, UserId = userId, Role = Enum.Parse<Role>(row.Role), SchoolId = row.SchoolId, MunicipalityId = row.MunicipalityId });
            if (row.ReachedSchoolId is { } school) map[school] = row.ReachedMunicipalityId!.Value;
        }
        var installationAdmin = assignments.Any(a => a.Role == Role.Admin && a.SchoolId is null && a.MunicipalityId is null);
        return AccessScope.ForUser(userId, assignments, map, installationAdmin);
    }

    private sealed record Reach(Guid Id, string Role, Guid? SchoolId, Guid? MunicipalityId, Guid? ReachedSchoolId, Guid? ReachedMunicipalityId);
}
