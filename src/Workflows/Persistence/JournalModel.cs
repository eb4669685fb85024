using Corrections.Workflows.Accounts;
using Corrections.Workflows.Corrections;
using Corrections.Workflows.Journal;
using Corrections.Workflows.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Workflows.Persistence;

/// <summary>Tables of the built-in journal, its unlocks, its history and the change table.</summary>
internal static class JournalModel
{
    public static void Configure(ModelBuilder builder, bool sqlite)
    {
        builder.Entity<Lesson>(e =>
        {
            e.Property(l => l.Topic).HasMaxLength(Limits.LongName);
            e.Property(l => l.Homework).HasMaxLength(Limits.LongName);
            e.HasOne<School>().WithMany().HasForeignKey(l => l.SchoolId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<SchoolClass>().WithMany().HasForeignKey(l => l.ClassId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Subject>().WithMany().HasForeignKey(l => l.SubjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(l => l.TeacherId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(l => new { l.ClassId, l.SubjectId, l.Date });
            e.HasIndex(l => l.SchoolId);
            e.HasIndex(l => l.SubjectId);
            e.HasIndex(l => l.TeacherId);
        });
        builder.Entity<Work>(e =>
        {
            e.Property(w => w.Kind).HasConversion<string>().HasMaxLength(Limits.Enum);
            e.Property(w => w.Title).HasMaxLength(Limits.Name);
            e.HasOne<Lesson>().WithMany().HasForeignKey(w => w.LessonId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(w => w.LessonId);
            e.HasIndex(w => w.SchoolId);
        });
        builder.Entity<Mark>(e =>
        {
            e.Property(m => m.Value).HasMaxLength(10);
            e.HasOne<Work>().WithMany().HasForeignKey(m => m.WorkId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Student>().WithMany().HasForeignKey(m => m.StudentId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(m => new { m.WorkId, m.StudentId }).IsUnique();
            e.HasIndex(m => m.StudentId);
            e.HasIndex(m => m.SchoolId);
        });
        builder.Entity<AttendanceMark>(e =>
        {
            e.Property(a => a.Code).HasMaxLength(10);
            e.HasOne<Lesson>().WithMany().HasForeignKey(a => a.LessonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Student>().WithMany().HasForeignKey(a => a.StudentId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => new { a.LessonId, a.StudentId }).IsUnique();
            e.HasIndex(a => a.StudentId);
            e.HasIndex(a => a.SchoolId);
        });
        builder.Entity<PeriodMark>(e =>
        {
            e.Property(m => m.Value).HasMaxLength(10);
            e.HasOne<SchoolClass>().WithMany().HasForeignKey(m => m.ClassId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Subject>().WithMany().HasForeignKey(m => m.SubjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<StudyPeriod>().WithMany().HasForeignKey(m => m.StudyPeriodId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Student>().WithMany().HasForeignKey(m => m.StudentId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(m => new { m.ClassId, m.SubjectId, m.StudyPeriodId, m.StudentId }).IsUnique();
            e.HasIndex(m => m.SubjectId);
            e.HasIndex(m => m.StudyPeriodId);
            e.HasIndex(m => m.StudentId);
            e.HasIndex(m => m.SchoolId);
        });
        builder.Entity<JournalChange>(e =>
        {
            e.Property(c => c.Via).HasConversion<string>().HasMaxLength(Limits.Enum);
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(Limits.Enum);
            e.Property(c => c.OldValue).HasMaxLength(10);
            e.Property(c => c.NewValue).HasMaxLength(10);
            if (sqlite) e.Property(c => c.At).HasConversion(Instants.UtcTicks);
            e.HasIndex(c => new { c.SchoolId, c.At });
            e.HasIndex(c => new { c.ClassId, c.SubjectId });
        });
        builder.Entity<JournalUnlock>(e =>
        {
            e.Property(u => u.RevokedBecause).HasMaxLength(Limits.Enum);
            if (sqlite)
            {
                e.Property(u => u.GrantedAt).HasConversion(Instants.UtcTicks);
                e.Property(u => u.ExpiresAt).HasConversion(Instants.UtcTicks);
                e.Property(u => u.RevokedAt).HasConversion<long?>(v => v.HasValue ? v.Value.UtcTicks : null, v => v.HasValue ? new DateTimeOffset(v.Value, TimeSpan.Zero) : null);
            }
            e.HasOne<CorrectionRequest>().WithMany().HasForeignKey(u => u.RequestId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(u => u.RequestId);
            e.HasIndex(u => u.SchoolId);
        });
        builder.Entity<ChangeTableRow>(e =>
        {
            e.Property(r => r.Student).HasMaxLength(Limits.Name);
            e.Property(r => r.Subject).HasMaxLength(Limits.Name);
            e.Property(r => r.Description).HasMaxLength(1000);
            e.Property(r => r.Initiator).HasMaxLength(Limits.Name);
            e.Property(r => r.SubjectTeacher).HasMaxLength(Limits.Name);
            if (sqlite) e.Property(r => r.CreatedAt).HasConversion(Instants.UtcTicks);
            e.HasOne<SchoolClass>().WithMany().HasForeignKey(r => r.ClassId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<StudyPeriod>().WithMany().HasForeignKey(r => r.StudyPeriodId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => new { r.ClassId, r.StudyPeriodId, r.Number }).IsUnique();
            // One row per entry of a request: a replayed or doubled «apply» cannot add a second.
            e.HasIndex(r => r.CorrectionEntryId).IsUnique();
            e.HasIndex(r => r.StudyPeriodId);
            e.HasIndex(r => r.SchoolId);
        });
        builder.Entity<ExternalJournalLink>(e =>
        {
            e.HasKey(l => new { l.SchoolId, l.LocalType, l.LocalId });
            e.Property(l => l.LocalType).HasMaxLength(Limits.Enum);
            e.Property(l => l.ExternalId).HasMaxLength(Limits.ShortText);
            e.HasOne<School>().WithMany().HasForeignKey(l => l.SchoolId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<JournalApplyFailure>(e =>
        {
            e.Property(f => f.MessageKey).HasMaxLength(Limits.ShortText);
            e.Property(f => f.Arguments).HasMaxLength(1000);
            if (sqlite) e.Property(f => f.At).HasConversion(Instants.UtcTicks);
            e.HasOne<CorrectionRequest>().WithMany().HasForeignKey(f => f.RequestId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(f => f.RequestId);
            e.HasIndex(f => f.SchoolId);
        });
        builder.Entity<ChangeTableCounter>(e =>
        {
            e.HasKey(c => new { c.ClassId, c.StudyPeriodId });
            e.HasIndex(c => c.SchoolId);
        });
    }
}
