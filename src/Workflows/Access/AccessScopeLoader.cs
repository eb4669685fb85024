using Corrections.Workflows.Accounts;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

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
        // A plain command through EF Core's command pipeline (its interceptors and logging, and its
        // parameter mapping, e.g. a Guid as text on SQLite) without LINQ's query cache and
        // materializer, which cost more than the round trip itself here (ADR 0007).
        var command = db.GetService<IRawSqlCommandBuilder>().Build(ReachSql, [nameof(Role.Admin), userId]);
        var rows = new List<Reach>();
        await using (var reader = await command.RelationalCommand.ExecuteReaderAsync(new RelationalCommandParameterObject(
            db.GetService<IRelationalConnection>(), command.ParameterValues, null, db, db.GetService<IRelationalCommandDiagnosticsLogger>()), ct))
        {
            var r = reader.DbDataReader;
            Guid? Id(int column) => r.IsDBNull(column) ? null : r.GetGuid(column);
            while (await r.ReadAsync(ct))
                rows.Add(new Reach(r.GetGuid(0), r.GetString(1), Id(2), Id(3), Id(4), Id(5)));
        }

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

    private const string ReachSql = """
        SELECT a."Id", a."Role", a."SchoolId", a."MunicipalityId", s."Id" AS "ReachedSchoolId", s."MunicipalityId" AS "ReachedMunicipalityId"
        FROM "RoleAssignments" AS a
        LEFT JOIN "Schools" AS s ON s."Id" = a."SchoolId"
            OR (a."SchoolId" IS NULL AND a."MunicipalityId" IS NOT NULL AND s."MunicipalityId" = a."MunicipalityId")
            OR (a."SchoolId" IS NULL AND a."MunicipalityId" IS NULL AND a."Role" = {0})
        WHERE a."UserId" = {1}
        """;

    private sealed record Reach(Guid Id, string Role, Guid? SchoolId, Guid? MunicipalityId, Guid? ReachedSchoolId, Guid? ReachedMunicipalityId);
}
