using Corrections.Workflows.Accounts;
using Corrections.Workflows.Notifications;
using Corrections.Workflows.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Corrections.Workflows.Persistence;

/// <summary>Tables of notifications and deadlines: outgoing mail, per-user settings, the schools' working calendars.</summary>
internal static class NotificationModel
{
    public static void Configure(ModelBuilder builder, bool sqlite)
    {
        void Instant(PropertyBuilder<DateTimeOffset> p) { if (sqlite) p.HasConversion(Instants.UtcTicks); }
        void MaybeInstant(PropertyBuilder<DateTimeOffset?> p) { if (sqlite) p.HasConversion(Instants.NullableUtcTicks); }

        builder.Entity<OutgoingMail>(e =>
        {
            e.Property(m => m.To).HasMaxLength(Limits.Email);
            e.Property(m => m.Kind).HasMaxLength(Limits.ShortText);
            e.Property(m => m.Subject).HasMaxLength(Limits.LongName);
            e.Property(m => m.Body).HasMaxLength(20000);
            e.Property(m => m.Delivery).HasConversion<string>().HasMaxLength(Limits.Enum);
            e.Property(m => m.LastError).HasMaxLength(1000);
            Instant(e.Property(m => m.CreatedAt));
            Instant(e.Property(m => m.NextAttemptAt));
            MaybeInstant(e.Property(m => m.ClaimedUntil));
            MaybeInstant(e.Property(m => m.SentAt));
            MaybeInstant(e.Property(m => m.ParkedAt));
            e.HasOne<School>().WithMany().HasForeignKey(m => m.SchoolId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
            // The sender's sweep: unsent, unparked rows by due time.
            e.HasIndex(m => new { m.SentAt, m.ParkedAt, m.NextAttemptAt });
            // The digest: a person's waiting items; the admin's list of parked mail per school.
            e.HasIndex(m => new { m.UserId, m.Delivery, m.SentAt });
            e.HasIndex(m => new { m.SchoolId, m.ParkedAt });
            // One email per recipient and kind of an event, however often its dispatch is retried.
            e.HasIndex(m => new { m.EventId, m.UserId, m.Kind }).IsUnique();
        });

        builder.Entity<NotificationPreference>(e =>
        {
            e.HasKey(p => new { p.UserId, p.Kind });
            e.Property(p => p.Kind).HasMaxLength(Limits.ShortText);
            e.Property(p => p.Mode).HasConversion<string>().HasMaxLength(Limits.Enum);
            e.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CalendarDay>(e =>
        {
            e.HasKey(d => new { d.SchoolId, d.Date });
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(Limits.Enum);
            e.Property(d => d.Note).HasMaxLength(Limits.Name);
            e.HasOne<School>().WithMany().HasForeignKey(d => d.SchoolId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
