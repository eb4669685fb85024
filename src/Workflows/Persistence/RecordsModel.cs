using Corrections.Workflows.Accounts;
using Corrections.Workflows.Corrections;
using Corrections.Workflows.Organisation;
using Corrections.Workflows.Records;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Workflows.Persistence;

/// <summary>Tables of records management: nomenclature of cases, numerators and sequences, registered documents.</summary>
internal static class RecordsModel
{
    public static void Configure(ModelBuilder builder, bool sqlite)
    {
        builder.Entity<CaseFile>(e =>
        {
            e.Property(c => c.Index).HasMaxLength(20);
            e.Property(c => c.Title).HasMaxLength(Limits.LongName);
            e.Property(c => c.Note).HasMaxLength(Limits.LongName);
            e.HasOne<School>().WithMany().HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => new { c.SchoolId, c.Year, c.Index }).IsUnique();
            e.HasOne<DestructionAct>().WithMany().HasForeignKey(c => c.DestroyedByActId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => c.DestroyedByActId);
        });

        builder.Entity<Numerator>(e =>
        {
            e.HasKey(n => new { n.SchoolId, n.Kind });
            e.Property(n => n.Kind).HasConversion<string>().HasMaxLength(Limits.Enum);
            e.Property(n => n.Format).HasMaxLength(100);
            e.Property(n => n.CaseIndex).HasMaxLength(20);
            e.HasOne<School>().WithMany().HasForeignKey(n => n.SchoolId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<NumberSequence>(e =>
        {
            e.HasKey(n => new { n.SchoolId, n.Kind, n.Year });
            e.Property(n => n.Kind).HasConversion<string>().HasMaxLength(Limits.Enum);
            e.HasOne<School>().WithMany().HasForeignKey(n => n.SchoolId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ScanDocument>(e =>
        {
            e.Property(d => d.DocumentType).HasMaxLength(Limits.ShortText);
            e.Property(d => d.OriginalName).HasMaxLength(255);
            e.Property(d => d.ContentType).HasMaxLength(Limits.ShortText);
            e.Property(d => d.Sha256).HasMaxLength(64);
            if (sqlite) e.Property(d => d.UploadedAt).HasConversion(Instants.UtcTicks);
            e.HasOne<CorrectionRequest>().WithMany().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<School>().WithMany().HasForeignKey(d => d.SchoolId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(d => d.UploadedById).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(d => d.RequestId);
            e.HasIndex(d => d.SchoolId);
        });

        builder.Entity<RegisteredDocument>(e =>
        {
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(Limits.Enum);
            e.Property(d => d.Number).HasMaxLength(100);
            e.Property(d => d.Author).HasMaxLength(Limits.LongName);
            e.Property(d => d.Addressee).HasMaxLength(Limits.LongName);
            e.Property(d => d.Summary).HasMaxLength(1000);
            e.Property(d => d.CaseIndex).HasMaxLength(20);
            e.Property(d => d.Resolution).HasMaxLength(4000);
            e.Property(d => d.AccessRestriction).HasMaxLength(Limits.Name);
            e.Property(d => d.FilingMark).HasMaxLength(Limits.Name);
            e.HasOne<School>().WithMany().HasForeignKey(d => d.SchoolId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<CorrectionRequest>().WithMany().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(d => d.RegisteredById).OnDelete(DeleteBehavior.Restrict);
            // A number is given once per school, kind and year.
            e.HasIndex(d => new { d.SchoolId, d.Kind, d.Year, d.Sequence }).IsUnique();
            e.HasIndex(d => new { d.SchoolId, d.RegisteredOn });
            e.HasIndex(d => d.RequestId);
            e.HasOne<CaseFile>().WithMany().HasForeignKey(d => d.FiledCaseId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(d => d.FiledCaseId);
            // Cases of different retention may part linked documents: the link goes, the document stays.
            e.HasOne<RegisteredDocument>().WithMany().HasForeignKey(d => d.LinkedDocumentId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(d => d.LinkedDocumentId);
        });

        builder.Entity<DocumentAttachment>(e =>
        {
            e.HasKey(a => new { a.DocumentId, a.ScanId });
            e.HasOne<RegisteredDocument>().WithMany().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ScanDocument>().WithMany().HasForeignKey(a => a.ScanId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<School>().WithMany().HasForeignKey(a => a.SchoolId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => a.ScanId);
            e.HasIndex(a => a.SchoolId);
        });

        builder.Entity<DestructionAct>(e =>
        {
            e.Property(a => a.Number).HasMaxLength(100);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(Limits.Enum);
            e.HasOne<School>().WithMany().HasForeignKey(a => a.SchoolId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(a => a.Cases).WithOne().HasForeignKey(c => c.ActId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Destroyed).WithOne().HasForeignKey(c => c.ActId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => new { a.SchoolId, a.Year, a.Sequence }).IsUnique();
        });

        builder.Entity<DestructionActCase>(e =>
        {
            e.Property(c => c.CaseIndex).HasMaxLength(20);
            e.Property(c => c.CaseTitle).HasMaxLength(Limits.LongName);
            e.HasOne<CaseFile>().WithMany().HasForeignKey(c => c.CaseFileId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => new { c.ActId, c.CaseFileId }).IsUnique();
            e.HasIndex(c => c.CaseFileId);
            e.HasIndex(c => c.SchoolId);
        });

        builder.Entity<IssuedDocument>(e =>
        {
            e.Property(d => d.Title).HasMaxLength(Limits.LongName);
            e.Property(d => d.Number).HasMaxLength(100);
            e.Property(d => d.TextSha256).HasMaxLength(64);
            if (sqlite) e.Property(d => d.IssuedAt).HasConversion(Instants.UtcTicks);
            e.HasOne<School>().WithMany().HasForeignKey(d => d.SchoolId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(d => d.SchoolId);
            e.HasIndex(d => d.RequestId);
        });

        builder.Entity<DecisionSignature>(e =>
        {
            e.Property(d => d.Action).HasMaxLength(Limits.ShortText);
            e.Property(d => d.DocumentSha256).HasMaxLength(64);
            if (sqlite) e.Property(d => d.SignedAt).HasConversion(Instants.UtcTicks);
            e.HasOne<School>().WithMany().HasForeignKey(d => d.SchoolId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(d => d.SchoolId);
            e.HasIndex(d => d.RequestId);
        });

        builder.Entity<DestroyedRecord>(e =>
        {
            e.Property(r => r.ObjectType).HasMaxLength(Limits.ShortText);
            e.Property(r => r.Description).HasMaxLength(1000);
            e.Property(r => r.Sha256).HasMaxLength(64);
            e.HasIndex(r => r.ActId);
            e.HasIndex(r => r.SchoolId);
        });
    }
}
