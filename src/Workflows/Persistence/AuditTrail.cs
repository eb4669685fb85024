using System.Text.Json;
using Corrections.Workflows.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Corrections.Workflows.Persistence;

/// <summary>
/// Writes the audit log from inside <see cref="CorrectionsDbContext.SaveChangesAsync(bool, CancellationToken)"/>:
/// every change of a business row (before → after) and every access recorded explicitly (a scan
/// viewed). The lines are chained under a lock held until the transaction ends, so concurrent savers
/// append one after the other and the chain never forks.
/// </summary>
internal static class AuditTrail
{
    // Technical rows that are derived from audited ones or carry no business meaning of their own.
    private static readonly HashSet<Type> NotAudited =
    [
        typeof(AuditEntry), typeof(Engine.WorkflowWait), typeof(Engine.IdempotencyRecord), typeof(Engine.StoredDefinition),
        typeof(Engine.OutboxMessage), typeof(NumberSequence), typeof(Journal.ChangeTableCounter),
        // Rendered from the outbox events; the step that caused them is in the history and the log.
        typeof(Notifications.OutgoingMail),
        // The journal's cells are recorded by their own history: every change of one writes a
        // JournalChange (who, when, old → new), and that row is chained here.
        typeof(Journal.Lesson), typeof(Journal.Work), typeof(Journal.Mark), typeof(Journal.AttendanceMark), typeof(Journal.PeriodMark),
    ];

    // Never written to the log, even masked by length: secrets and their stand-ins.
    private static readonly HashSet<string> Secret = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp"];

    /// <summary>A school setting that holds a credential (an API token): its value never enters the chain, only that it changed.</summary>
    private static bool IsSecretSetting(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, string property)
        => entry.Entity is Organisation.SchoolSetting setting && property == nameof(Organisation.SchoolSetting.Value)
            && (setting.Name.Contains("token", StringComparison.OrdinalIgnoreCase) || setting.Name.Contains("secret", StringComparison.OrdinalIgnoreCase) || setting.Name.Contains("password", StringComparison.OrdinalIgnoreCase));

    private const long LockKey = 0x41756469_74436861; // "AuditCha": one chain per database

    public static List<AuditEntry> CollectChanges(ChangeTracker tracker, Access.AccessScope scope, string? address, DateTimeOffset now)
    {
        var lines = new List<AuditEntry>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || NotAudited.Contains(entry.Metadata.ClrType)) continue;
            var properties = entry.Properties.Where(p => !Secret.Contains(p.Metadata.Name) && !IsSecretSetting(entry, p.Metadata.Name)).ToList();
            var changed = entry.State == EntityState.Modified ? properties.Where(p => p.IsModified).ToList() : properties;
            if (changed.Count == 0) continue;
            lines.Add(new AuditEntry
            {
                At = now, SchoolId = SchoolOf(entry), ActorId = scope.UserId, Address = address,
                Action = entry.State switch { EntityState.Added => "create", EntityState.Deleted => "delete", _ => "update" },
                ObjectType = entry.Metadata.ClrType.Name,
                ObjectId = string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(k => Convert.ToString(entry.Property(k.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture))),
                Before = entry.State == EntityState.Added ? null : Json(changed.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue)),
                After = entry.State == EntityState.Deleted ? null : Json(changed.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue)),
                PreviousHash = "", Hash = "",
            });
        }
        return lines;
    }

    /// <summary>Numbers and chains <paramref name="lines"/> after the last line in the database, then adds them to the context.</summary>
    /// <param name="waitsToDelete">Instances whose waits go first (a step leaving its state); on PostgreSQL in the same round trip.</param>
    public static async Task AppendAsync(CorrectionsDbContext db, List<AuditEntry> lines, IReadOnlyList<(Guid InstanceId, Guid SchoolId)> waitsToDelete, CancellationToken ct)
    {
        var (sequence, previous) = await LastLineAsync(db, waitsToDelete, ct);
        foreach (var line in lines)
        {
            // PostgreSQL keeps microseconds: the hash is taken over what will read back.
            line.At = new DateTimeOffset(line.At.UtcTicks - line.At.UtcTicks % 10, TimeSpan.Zero);
            line.Sequence = ++sequence;
            line.PreviousHash = previous;
            line.Hash = previous = line.ComputeHash();
            db.AuditEntries.Add(line);
        }
    }

    /// <summary>
    /// Takes the chain's lock (held until the transaction ends) and then reads the last line. On
    /// PostgreSQL both statements travel in one round trip; the read is a statement of its own, so
    /// its snapshot is taken after the lock was granted and sees the line of whoever held it before.
    /// The waits a step replaces are deleted in that same round trip, between the two (ADR 0007).
    /// On SQLite the transaction took the write lock when it began (BEGIN IMMEDIATE).
    /// </summary>
    private static async Task<(long Sequence, string Hash)> LastLineAsync(CorrectionsDbContext db, IReadOnlyList<(Guid InstanceId, Guid SchoolId)> waitsToDelete, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            await DeleteWaitsAsync(db, waitsToDelete, ct);
            var last = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence).Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
            return last is null ? (0, AuditEntry.Genesis) : (last.Sequence, last.Hash);
        }
        // Through EF Core's command pipeline, so logging and interceptors see it like any other command.
        var sql = new System.Text.StringBuilder($"SELECT pg_advisory_xact_lock({LockKey});");
        var parameters = new List<object>();
        foreach (var (instanceId, schoolId) in waitsToDelete)
        {
            sql.Append($$""" DELETE FROM "WorkflowWaits" WHERE "InstanceId" = {{{parameters.Count}}} AND "SchoolId" = {{{parameters.Count + 1}}};""");
            parameters.Add(instanceId);
            parameters.Add(schoolId);
        }
        sql.Append(ReadLast);
        var command = db.GetService<IRawSqlCommandBuilder>().Build(sql.ToString(), parameters);
        await using var reader = await command.RelationalCommand.ExecuteReaderAsync(new RelationalCommandParameterObject(
            db.GetService<IRelationalConnection>(), command.ParameterValues, null, db, db.GetService<IRelationalCommandDiagnosticsLogger>()), ct);
        // Past the lock's row (and the deletes, should the reader stop at them) to the last line's result.
        do
        {
            if (!await reader.DbDataReader.NextResultAsync(ct)) throw new InvalidOperationException("The audit chain's last line was not read.");
        }
        while (reader.DbDataReader.FieldCount != 2);
        return await reader.DbDataReader.ReadAsync(ct) ? (reader.DbDataReader.GetInt64(0), reader.DbDataReader.GetString(1)) : (0, AuditEntry.Genesis);
    }

    /// <summary>Where no audit line is written or on SQLite: the replaced waits go in a statement of their own.</summary>
    public static async Task DeleteWaitsAsync(CorrectionsDbContext db, IReadOnlyList<(Guid InstanceId, Guid SchoolId)> waitsToDelete, CancellationToken ct)
    {
        foreach (var (instanceId, schoolId) in waitsToDelete)
            await db.WorkflowWaits.Where(w => w.InstanceId == instanceId && w.SchoolId == schoolId).ExecuteDeleteAsync(ct);
    }

    private const string ReadLast = """ SELECT "Sequence", "Hash" FROM "AuditEntries" ORDER BY "Sequence" DESC LIMIT 1""";

    /// <summary>Walks the whole chain and names the first line whose content or link does not match.</summary>
    public static async Task<AuditVerification> VerifyAsync(CorrectionsDbContext db, CancellationToken ct)
    {
        var previous = AuditEntry.Genesis;
        long expected = 1, checkedLines = 0;
        await foreach (var line in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            checkedLines++;
            if (line.Sequence != expected) return new(checkedLines, expected, $"line {expected} is missing (next is {line.Sequence})");
            if (line.PreviousHash != previous) return new(checkedLines, line.Sequence, $"line {line.Sequence} does not follow line {line.Sequence - 1}");
            if (line.ComputeHash() != line.Hash) return new(checkedLines, line.Sequence, $"line {line.Sequence} was changed after it was written");
            previous = line.Hash;
            expected++;
        }
        return new(checkedLines, null, null);
    }

    private static Guid? SchoolOf(EntityEntry entry) => entry.Entity switch
    {
        Organisation.ISchoolOwned owned => owned.SchoolId,
        Organisation.School school => school.Id,
        Accounts.RoleAssignment role => role.SchoolId,
        _ => null,
    };

    private static string Json(Dictionary<string, object?> values) => JsonSerializer.Serialize(values);
}
