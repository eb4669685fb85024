using System.Linq.Expressions;
using Corrections.Workflows.Access;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Organisation;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Workflows.Persistence;

/// <summary>
/// The one EF Core model of the product. School scoping lives here: every <see cref="ISchoolOwned"/>
/// row is filtered by the caller's schools and may only be saved inside them.
/// </summary>
/// <param name="clock">The application's clock, for the time of audit lines; the system clock where none is given (tools, tests).</param>
public class CorrectionsDbContext : IdentityUserContext<AppUser, Guid>
{
    private readonly AccessScopeHolder scope;
    private readonly TimeProvider? clock;

    public CorrectionsDbContext(DbContextOptions<CorrectionsDbContext> options, AccessScopeHolder scope, TimeProvider? clock = null) : base(options)
    {
        this.scope = scope;
        this.clock = clock;
        // EF Core would wrap every save inside a transaction in a savepoint (two more round trips) so
        // that a failed save could be undone alone. Here every transaction's owner rolls the whole
        // transaction back when a save fails (the engine's step, the API's handlers, the audit chain),
        // so nothing ever goes on after a failed save and the savepoint is never used.
        Database.AutoSavepointsEnabled = false;
    }

    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<SchoolYear> SchoolYears => Set<SchoolYear>();
    public DbSet<StudyPeriod> StudyPeriods => Set<StudyPeriod>();
    public DbSet<SchoolClass> Classes => Set<SchoolClass>();
    public DbSet<Student> Students => Set<Student>();
    public DbSet<Subject> Subjects => Set<Subject>();
    public DbSet<TeachingAssignment> TeachingAssignments => Set<TeachingAssignment>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<SchoolSetting> SchoolSettings => Set<SchoolSetting>();
    public DbSet<Engine.WorkflowInstance> WorkflowInstances => Set<Engine.WorkflowInstance>();
    public DbSet<Engine.WorkflowWait> WorkflowWaits => Set<Engine.WorkflowWait>();
    public DbSet<Engine.WorkflowHistoryEntry> WorkflowHistory => Set<Engine.WorkflowHistoryEntry>();
    public DbSet<Engine.OutboxMessage> OutboxMessages => Set<Engine.OutboxMessage>();
    public DbSet<Engine.IdempotencyRecord> IdempotencyRecords => Set<Engine.IdempotencyRecord>();
    public DbSet<Engine.StoredDefinition> StoredDefinitions => Set<Engine.StoredDefinition>();
    public DbSet<Corrections.Ground> Grounds => Set<Corrections.Ground>();
    public DbSet<Corrections.CorrectionRequest> CorrectionRequests => Set<Corrections.CorrectionRequest>();
    public DbSet<Corrections.CorrectionEntry> CorrectionEntries => Set<Corrections.CorrectionEntry>();
    public DbSet<Corrections.LockPolicySetting> LockPolicySettings => Set<Corrections.LockPolicySetting>();
    public DbSet<Records.CaseFile> CaseFiles => Set<Records.CaseFile>();
    public DbSet<Records.Numerator> Numerators => Set<Records.Numerator>();
    public DbSet<Records.NumberSequence> NumberSequences => Set<Records.NumberSequence>();
    public DbSet<Records.RegisteredDocument> RegisteredDocuments => Set<Records.RegisteredDocument>();
    public DbSet<Records.ScanDocument> ScanDocuments => Set<Records.ScanDocument>();
    public DbSet<Records.AuditEntry> AuditEntries => Set<Records.AuditEntry>();
    public DbSet<Records.DocumentAttachment> DocumentAttachments => Set<Records.DocumentAttachment>();
    public DbSet<Records.DestructionAct> DestructionActs => Set<Records.DestructionAct>();
    public DbSet<Records.DestructionActCase> DestructionActCases => Set<Records.DestructionActCase>();
    public DbSet<Records.DestroyedRecord> DestroyedRecords => Set<Records.DestroyedRecord>();
    public DbSet<Records.IssuedDocument> IssuedDocuments => Set<Records.IssuedDocument>();
    public DbSet<Records.DecisionSignature> DecisionSignatures => Set<Records.DecisionSignature>();
    public DbSet<Journal.Lesson> Lessons => Set<Journal.Lesson>();
    public DbSet<Journal.Work> Works => Set<Journal.Work>();
    public DbSet<Journal.Mark> Marks => Set<Journal.Mark>();
    public DbSet<Journal.AttendanceMark> AttendanceMarks => Set<Journal.AttendanceMark>();
    public DbSet<Journal.PeriodMark> PeriodMarks => Set<Journal.PeriodMark>();
    public DbSet<Journal.JournalChange> JournalChanges => Set<Journal.JournalChange>();
    public DbSet<Journal.JournalUnlock> JournalUnlocks => Set<Journal.JournalUnlock>();
    public DbSet<Journal.ChangeTableRow> ChangeTableRows => Set<Journal.ChangeTableRow>();
    public DbSet<Journal.ChangeTableCounter> ChangeTableCounters => Set<Journal.ChangeTableCounter>();
    public DbSet<Journal.ExternalJournalLink> ExternalJournalLinks => Set<Journal.ExternalJournalLink>();
    public DbSet<Journal.JournalApplyFailure> JournalApplyFailures => Set<Journal.JournalApplyFailure>();
    public DbSet<Notifications.OutgoingMail> OutgoingMails => Set<Notifications.OutgoingMail>();
    public DbSet<Notifications.NotificationPreference> NotificationPreferences => Set<Notifications.NotificationPreference>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    private HashSet<Guid> _destructionAllowed = [];

    /// <summary>
    /// Lets the next save delete these cards and scans: only the execution of an approved act of
    /// destruction calls this. Any other deletion of a card or scan is refused by the save itself.
    /// </summary>
    public void AuthoriseDestruction(Records.DestructionAct act, IEnumerable<Guid> recordIds)
    {
        if (act.Status != Records.DestructionActStatus.Approved)
            throw new Records.RecordsDestructionException($"Act {act.Number} is not approved; nothing may be destroyed under it.");
        _destructionAllowed = [.. recordIds];
    }

    private readonly List<Records.AuditEntry> _accesses = [];

    /// <summary>
    /// Records an access that changes nothing (a scan viewed) in the audit log; it is written with
    /// the next save. Changes of rows are recorded without being asked.
    /// </summary>
    public void RecordAccess(string action, string objectType, string objectId, Guid? schoolId, string? role, DateTimeOffset at)
        => _accesses.Add(new Records.AuditEntry
        {
            At = at, SchoolId = schoolId, ActorId = scope.Current.UserId, ActorRole = role, Address = scope.Address,
            Action = action, ObjectType = objectType, ObjectId = objectId, PreviousHash = "", Hash = "",
        });

    public AccessScope Scope => scope.Current;

    // The query filters read these per query (EF Core parameterises members of the context instance).
    private bool ScopeSeesEverything => scope.Current.SeesEverything;
    private IReadOnlyList<Guid> ScopeSchoolIds => scope.Current.SchoolIds;
    private IReadOnlyList<Guid> ScopeMunicipalityIds => scope.Current.MunicipalityIds;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<AppUser>(e =>
        {
            e.Property(u => u.Surname).HasMaxLength(Limits.PersonName);
            e.Property(u => u.GivenName).HasMaxLength(Limits.PersonName);
            e.Property(u => u.Patronymic).HasMaxLength(Limits.PersonName);
        });

        builder.Entity<Municipality>(e =>
        {
            e.Property(m => m.Name).HasMaxLength(Limits.Name);
            e.Property(m => m.DepartmentName).HasMaxLength(Limits.LongName);
            e.Property(m => m.DepartmentAddress).HasMaxLength(Limits.Address);
            e.Property(m => m.DepartmentEmail).HasMaxLength(Limits.Email);
            e.HasIndex(m => m.Name).IsUnique();
            e.HasQueryFilter(m => ScopeSeesEverything || ScopeMunicipalityIds.Contains(m.Id));
        });

        builder.Entity<School>(e =>
        {
            e.Property(s => s.FullName).HasMaxLength(Limits.LongName);
            e.Property(s => s.ShortName).HasMaxLength(Limits.Name);
            e.Property(s => s.Address).HasMaxLength(Limits.Address);
            e.Property(s => s.Phone).HasMaxLength(Limits.ShortText);
            e.Property(s => s.Email).HasMaxLength(Limits.Email);
            e.Property(s => s.Inn).HasMaxLength(12);
            e.Property(s => s.Kpp).HasMaxLength(9);
            e.Property(s => s.Ogrn).HasMaxLength(15);
            e.Property(s => s.TimeZoneId).HasMaxLength(Limits.ShortText);
            e.HasOne(s => s.Municipality).WithMany().HasForeignKey(s => s.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(s => new { s.MunicipalityId, s.ShortName }).IsUnique();
            e.HasQueryFilter(s => ScopeSeesEverything || ScopeSchoolIds.Contains(s.Id));
        });

        builder.Entity<SchoolYear>(e =>
        {
            e.Property(y => y.Name).HasMaxLength(Limits.ShortText);
            e.Property(y => y.PeriodKind).HasConversion<string>().HasMaxLength(Limits.Enum);
            e.HasOne<School>().WithMany().HasForeignKey(y => y.SchoolId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(y => y.Periods).WithOne().HasForeignKey(p => p.SchoolYearId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(y => new { y.SchoolId, y.Name }).IsUnique();
        });

        builder.Entity<StudyPeriod>(e =>
        {
            e.Property(p => p.Name).HasMaxLength(Limits.ShortText);
            e.HasOne<School>().WithMany().HasForeignKey(p => p.SchoolId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => new { p.SchoolYearId, p.Number }).IsUnique();
            e.HasIndex(p => p.SchoolId);
        });

        builder.Entity<SchoolClass>(e =>
        {
            e.ToTable("Classes");
            e.Property(c => c.Letter).HasMaxLength(3);
            e.Property(c => c.Name).HasMaxLength(Limits.ShortText);
            e.HasOne<School>().WithMany().HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<SchoolYear>().WithMany().HasForeignKey(c => c.SchoolYearId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => new { c.SchoolYearId, c.Name }).IsUnique();
            e.HasIndex(c => c.SchoolId);
        });

        builder.Entity<Student>(e =>
        {
            e.Property(s => s.Surname).HasMaxLength(Limits.PersonName);
            e.Property(s => s.GivenName).HasMaxLength(Limits.PersonName);
            e.Property(s => s.Patronymic).HasMaxLength(Limits.PersonName);
            e.HasOne<School>().WithMany().HasForeignKey(s => s.SchoolId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<SchoolClass>().WithMany().HasForeignKey(s => s.ClassId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(s => new { s.SchoolId, s.ClassId });
        });

        builder.Entity<Subject>(e =>
        {
            e.Property(s => s.Name).HasMaxLength(Limits.Name);
            e.HasOne<School>().WithMany().HasForeignKey(s => s.SchoolId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(s => new { s.SchoolId, s.Name }).IsUnique();
        });

        builder.Entity<TeachingAssignment>(e =>
        {
            e.HasOne<School>().WithMany().HasForeignKey(a => a.SchoolId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(a => a.TeacherId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<SchoolClass>().WithMany().HasForeignKey(a => a.ClassId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Subject>().WithMany().HasForeignKey(a => a.SubjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => new { a.ClassId, a.SubjectId, a.TeacherId }).IsUnique();
            e.HasIndex(a => a.SchoolId);
            e.HasIndex(a => a.TeacherId);
            e.HasIndex(a => a.SubjectId);
        });

        builder.Entity<RoleAssignment>(e =>
        {
            e.Property(a => a.Role).HasConversion<string>().HasMaxLength(Limits.Enum);
            e.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<School>().WithMany().HasForeignKey(a => a.SchoolId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Municipality>().WithMany().HasForeignKey(a => a.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => new { a.UserId, a.Role, a.SchoolId, a.MunicipalityId });
            e.HasIndex(a => a.SchoolId);
            e.HasIndex(a => a.MunicipalityId);
            e.HasQueryFilter(a => ScopeSeesEverything
                || (a.SchoolId != null && ScopeSchoolIds.Contains(a.SchoolId.Value))
                || (a.SchoolId == null && a.MunicipalityId != null && ScopeMunicipalityIds.Contains(a.MunicipalityId.Value)));
        });

        builder.Entity<SchoolSetting>(e =>
        {
            e.HasKey(x => new { x.SchoolId, x.Name });
            e.Property(x => x.Name).HasMaxLength(Limits.ShortText);
            e.Property(x => x.Value).HasMaxLength(Limits.Name);
            e.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
        });

        EngineModel.Configure(builder, Database.IsSqlite());
        CorrectionsModel.Configure(builder);
        RecordsModel.Configure(builder, Database.IsSqlite());
        JournalModel.Configure(builder, Database.IsSqlite());
        NotificationModel.Configure(builder, Database.IsSqlite());
        builder.Entity<Records.AuditEntry>(e =>
        {
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedNever();
            e.Property(a => a.ActorRole).HasMaxLength(Limits.Enum);
            e.Property(a => a.Address).HasMaxLength(Limits.ShortText);
            e.Property(a => a.Action).HasMaxLength(Limits.ShortText);
            e.Property(a => a.ObjectType).HasMaxLength(Limits.ShortText);
            e.Property(a => a.ObjectId).HasMaxLength(Limits.Name);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
            if (Database.IsSqlite()) e.Property(a => a.At).HasConversion(Instants.UtcTicks);
            e.HasIndex(a => new { a.SchoolId, a.At });
            e.HasIndex(a => new { a.ObjectType, a.ObjectId });
        });

        // One filter for every school-owned row, so a new entity is scoped by implementing ISchoolOwned.
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(ISchoolOwned).IsAssignableFrom(t.ClrType)))
        {
            var row = Expression.Parameter(type.ClrType, "row");
            var context = Expression.Constant(this);
            var seesEverything = Expression.Property(context, nameof(ScopeSeesEverything));
            var contains = Expression.Call(
                typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)],
                Expression.Property(context, nameof(ScopeSchoolIds)),
                Expression.Property(row, nameof(ISchoolOwned.SchoolId)));
            type.SetQueryFilter(Expression.Lambda(Expression.OrElse(seesEverything, contains), row));
        }
    }

    /// <summary>Checks the audit chain from the first line; see <see cref="AuditTrail.VerifyAsync"/>.</summary>
    public Task<Records.AuditVerification> VerifyAuditAsync(CancellationToken ct) => AuditTrail.VerifyAsync(this, ct);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
        => SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // The guards, the audit and the save itself each read the change tracker, and each read would
        // detect changes again: they are detected once, here (ADR 0007).
        ChangeTracker.DetectChanges();
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            GuardScope();
            GuardRetention();
            var lines = AuditTrail.CollectChanges(ChangeTracker, scope.Current, scope.Address, (clock ?? TimeProvider.System).GetUtcNow());
            lines.AddRange(_accesses);
            _accesses.Clear();
            List<(Guid, Guid)> waits = [.. _waitsToDelete];
            _waitsToDelete.Clear();
            if (lines.Count == 0)
            {
                await AuditTrail.DeleteWaitsAsync(this, waits, cancellationToken);
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }

            // The audit lines commit with the change they describe, or not at all.
            if (Database.CurrentTransaction is not null)
            {
                await AuditTrail.AppendAsync(this, lines, waits, cancellationToken);
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
            await AuditTrail.AppendAsync(this, lines, waits, cancellationToken);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return saved;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private readonly List<(Guid InstanceId, Guid SchoolId)> _waitsToDelete = [];

    /// <summary>
    /// Deletes the instance's waits at the start of the next save, before its new waits are inserted:
    /// on PostgreSQL in the round trip that takes the audit chain's lock, where a statement of its own
    /// at the start of the step cost one more (ADR 0007). Set-based, so a reminder that consumed its
    /// own wait at the same moment does not fail the step.
    /// </summary>
    public void DeleteWaitsOnSave(Engine.WorkflowInstance instance)
    {
        // The instance was read through the school filter; the delete is held to that school as well.
        if (!scope.Current.CanSeeSchool(instance.SchoolId))
            throw new SchoolScopeViolationException("The waits of an instance outside the caller's schools cannot be deleted.");
        _waitsToDelete.Add((instance.Id, instance.SchoolId));
    }

    /// <summary>Cards and scans are kept until an approved act destroys them; no code path deletes them otherwise.</summary>
    private void GuardRetention()
    {
        // The journal's history and the change table are kept as written, for everyone including the system.
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State is EntityState.Modified or EntityState.Deleted))
            if (entry.Entity is Journal.JournalChange or Journal.ChangeTableRow)
                throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} is append-only.");
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State == EntityState.Deleted))
        {
            var id = entry.Entity switch
            {
                Records.RegisteredDocument d => d.Id,
                Records.ScanDocument s => s.Id,
                _ => (Guid?)null,
            };
            if (id is { } recordId && !_destructionAllowed.Contains(recordId))
                throw new Records.RecordsDestructionException($"{entry.Metadata.ClrType.Name} {recordId} may only be destroyed under an approved act of destruction.");
        }
        _destructionAllowed = []; // an authorisation covers one save
    }

    private void GuardScope()
    {
        var current = scope.Current;
        if (current.SeesEverything) return;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Entity is Engine.WorkflowHistoryEntry or Records.AuditEntry && entry.State != EntityState.Added)
                throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} is append-only.");
            var allowed = entry.Entity switch
            {
                // A new school has no id in anyone's scope yet: its municipality must be in reach.
                School school when entry.State == EntityState.Added => current.CanSeeMunicipality(school.MunicipalityId),
                School school => current.CanSeeSchool(school.Id),
                ISchoolOwned owned => current.CanSeeSchool(owned.SchoolId),
                RoleAssignment role => role.SchoolId is { } s ? current.CanSeeSchool(s)
                    : role.MunicipalityId is { } m && current.CanSeeMunicipality(m),
                Municipality municipality => current.CanSeeMunicipality(municipality.Id) && entry.State != EntityState.Added,
                _ => true,
            };
            if (!allowed)
                throw new SchoolScopeViolationException($"A {entry.Metadata.ClrType.Name} outside the caller's schools cannot be saved.");
        }
    }
}

/// <summary>Column lengths shared by the model and the input validation.</summary>
public static class Limits
{
    public const int PersonName = 100;
    public const int Name = 200;
    public const int LongName = 500;
    public const int Address = 500;
    public const int Email = 256;
    public const int ShortText = 64;
    public const int Enum = 32;
}
