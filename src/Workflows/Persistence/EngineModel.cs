using Corrections.Workflows.Accounts;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Corrections.Workflows.Persistence;

/// <summary>Tables of the workflow engine: instances, waits, history, outbox, idempotency, stored definitions.</summary>
internal static class EngineModel
{
    public static void Configure(ModelBuilder builder, bool sqlite)
    {
        void Instant(PropertyBuilder<DateTimeOffset> p) { if (sqlite) p.HasConversion(Instants.UtcTicks); }
        void MaybeInstant(PropertyBuilder<DateTimeOffset?> p) { if (sqlite) p.HasConversion(Instants.NullableUtcTicks); }

        builder.Entity<WorkflowInstance>(e =>
        {
            e.Property(i => i.DefinitionId).HasMaxLength(Limits.ShortText);
            e.Property(i => i.DefinitionVersion).HasMaxLength(Limits.ShortText);
            e.Property(i => i.State).HasMaxLength(Limits.ShortText);
            e.Property(i => i.Revision).IsConcurrencyToken();
            Instant(e.Property(i => i.CreatedAt));
            Instant(e.Property(i => i.UpdatedAt));
            e.HasOne<School>().WithMany().HasForeignKey(i => i.SchoolId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(i => i.InitiatorId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(i => new { i.SchoolId, i.State });
            e.HasIndex(i => i.InitiatorId);
        });

        builder.Entity<WorkflowWait>(e =>
        {
            e.Property(w => w.Kind).HasConversion<string>().HasMaxLength(Limits.Enum);
            e.Property(w => w.State).HasMaxLength(Limits.ShortText);
            e.Property(w => w.Name).HasMaxLength(Limits.ShortText);
            e.Property(w => w.Title).HasMaxLength(Limits.Name);
            MaybeInstant(e.Property(w => w.DueAt));
            Instant(e.Property(w => w.CreatedAt));
            e.HasOne<WorkflowInstance>().WithMany().HasForeignKey(w => w.InstanceId).OnDelete(DeleteBehavior.Cascade);
            // The inbox: a school's open tasks by role, soonest due first (lesson 10).
            e.HasIndex(w => new { w.SchoolId, w.Kind, w.Name, w.DueAt });
            // The timer sweep: everything due by now.
            e.HasIndex(w => new { w.Kind, w.DueAt });
            e.HasIndex(w => w.InstanceId);
        });

        builder.Entity<WorkflowHistoryEntry>(e =>
        {
            e.ToTable("WorkflowHistory");
            e.Property(h => h.ActorRole).HasMaxLength(Limits.Enum);
            e.Property(h => h.Action).HasMaxLength(Limits.ShortText);
            e.Property(h => h.FromState).HasMaxLength(Limits.ShortText);
            e.Property(h => h.ToState).HasMaxLength(Limits.ShortText);
            e.Property(h => h.Comment).HasMaxLength(4000);
            e.Property(h => h.PayloadHash).HasMaxLength(Limits.ShortText);
            Instant(e.Property(h => h.At));
            e.HasOne<WorkflowInstance>().WithMany().HasForeignKey(h => h.InstanceId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(h => new { h.InstanceId, h.Revision });
            e.HasIndex(h => h.SchoolId);
        });

        builder.Entity<OutboxMessage>(e =>
        {
            e.Property(o => o.Kind).HasMaxLength(Limits.Name);
            Instant(e.Property(o => o.CreatedAt));
            MaybeInstant(e.Property(o => o.SentAt));
            e.HasOne<School>().WithMany().HasForeignKey(o => o.SchoolId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(o => new { o.SentAt, o.CreatedAt });
            e.HasIndex(o => o.SchoolId);
        });

        builder.Entity<IdempotencyRecord>(e =>
        {
            e.Property(r => r.Key).HasMaxLength(Limits.Name);
            e.Property(r => r.Scope).HasMaxLength(Limits.LongName);
            Instant(e.Property(r => r.CreatedAt));
            e.HasIndex(r => new { r.UserId, r.Key }).IsUnique();
        });

        builder.Entity<StoredDefinition>(e =>
        {
            e.HasKey(d => new { d.DefinitionId, d.Version });
            e.Property(d => d.DefinitionId).HasMaxLength(Limits.ShortText);
            e.Property(d => d.Version).HasMaxLength(Limits.ShortText);
            e.Property(d => d.Source).HasMaxLength(Limits.Name);
            Instant(e.Property(d => d.StoredAt));
        });
    }
}
