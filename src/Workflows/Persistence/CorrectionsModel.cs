using Corrections.Workflows.Accounts;
using Corrections.Workflows.Corrections;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Corrections.Workflows.Persistence;

/// <summary>Tables of the correction-request domain: grounds, requests, their entries, lock policy settings.</summary>
internal static class CorrectionsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Ground>(e =>
        {
            e.Property(g => g.Code).HasMaxLength(Limits.ShortText);
            e.Property(g => g.Title).HasMaxLength(Limits.LongName);
            // A short list of codes; a join table would buy nothing here.
            e.Property(g => g.RequiredDocuments)
                .HasConversion(v => string.Join(',', v), v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
                    new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x.GetHashCode(StringComparison.Ordinal))), v => v.ToList()))
                .HasMaxLength(Limits.Name);
            e.HasOne<School>().WithMany().HasForeignKey(g => g.SchoolId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(g => new { g.SchoolId, g.Code }).IsUnique();
        });

        builder.Entity<CorrectionRequest>(e =>
        {
            e.Property(r => r.Justification).HasMaxLength(4000);
            e.Property(r => r.ProtocolNumber).HasMaxLength(50);
            e.HasOne<WorkflowInstance>().WithOne().HasForeignKey<CorrectionRequest>(r => r.Id).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<School>().WithMany().HasForeignKey(r => r.SchoolId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(r => r.InitiatorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(r => r.SubjectTeacherId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<SchoolClass>().WithMany().HasForeignKey(r => r.ClassId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Subject>().WithMany().HasForeignKey(r => r.SubjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Ground>().WithMany().HasForeignKey(r => r.GroundId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(r => r.Entries).WithOne().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(r => new { r.SchoolId, r.InitiatorId });
        });

        builder.Entity<CorrectionEntry>(e =>
        {
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(Limits.Enum);
            e.Property(x => x.CurrentValue).HasMaxLength(16);
            e.Property(x => x.RequestedValue).HasMaxLength(16);
            e.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<StudyPeriod>().WithMany().HasForeignKey(x => x.StudyPeriodId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.SchoolId);
        });

        builder.Entity<LockPolicySetting>(e =>
        {
            e.Property(p => p.Preset).HasConversion<string>().HasMaxLength(Limits.Enum);
            e.Property(p => p.EisuWindow).HasConversion<string>().HasMaxLength(Limits.Enum);
            e.HasOne<School>().WithMany().HasForeignKey(p => p.SchoolId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Municipality>().WithMany().HasForeignKey(p => p.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(p => p.SchoolId).IsUnique();
            e.HasIndex(p => p.MunicipalityId);
        });
    }
}
