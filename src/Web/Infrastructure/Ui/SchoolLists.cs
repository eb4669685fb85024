using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Infrastructure.Ui;

/// <summary>A choice in a page's drop-down list.</summary>
public sealed record Option(Guid Id, string Title);

/// <summary>What several pages list or need of the school they work in, read the same way everywhere.</summary>
public static class SchoolLists
{
    public static Task<List<Option>> ClassesAsync(CorrectionsDbContext db, Guid schoolId, CancellationToken ct)
        => db.Classes.AsNoTracking().Where(c => c.SchoolId == schoolId).OrderBy(c => c.Grade).ThenBy(c => c.Name).Select(c => new Option(c.Id, c.Name)).ToListAsync(ct);

    public static Task<List<Option>> SubjectsAsync(CorrectionsDbContext db, Guid schoolId, CancellationToken ct)
        => db.Subjects.AsNoTracking().Where(s => s.SchoolId == schoolId).OrderBy(s => s.Name).Select(s => new Option(s.Id, s.Name)).ToListAsync(ct);

    /// <summary>The school's time zone: its legal dates are local ones.</summary>
    public static Task<string> TimeZoneAsync(CorrectionsDbContext db, Guid schoolId, CancellationToken ct)
        => db.Schools.Where(s => s.Id == schoolId).Select(s => s.TimeZoneId).SingleAsync(ct);
}
