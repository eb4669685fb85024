using Corrections.Documents.Papers;
using Corrections.Web.Features.Records;
using Corrections.Web.Infrastructure;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Documents;

/// <summary>
/// GET /api/v1/schools/{schoolId}/register/document?from=&amp;to=&amp;format=: the register of documents for a
/// period, printed (oldest first, as it is kept); without dates, the current calendar year to today.
/// </summary>
public static class RegisterDocument
{
    public static void Map(IEndpointRouteBuilder school) => school.MapGet("/register/document", Handle)
        .RequireAuthorization(Policies.SchoolRegisterReader).Produces<Stream>(contentType: "application/pdf").WithTags("Documents");

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Handle(
        Guid schoolId, DateOnly? from, DateOnly? to, string? format, CorrectionsDbContext db, DocumentFonts fonts, DocumentIssuer issuer, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var (kind, formatProblem) = DocumentFiles.ParseFormat(format, t);
        if (formatProblem is not null) return formatProblem;
        if (issuer.Unavailable(fonts) is { } unavailable) return unavailable;
        var school = await db.Schools.AsNoTracking().SingleAsync(s => s.Id == schoolId, ct);
        var today = SchoolClock.Today(school.TimeZoneId, clock);
        var (start, end) = (from ?? new DateOnly(today.Year, 1, 1), to ?? today);
        if (end < start || end.DayNumber - start.DayNumber > 3 * 366)
        {
            var v = new Validation(t);
            v.Add("to", "Validation.RegisterRange");
            return v.Problem();
        }
        var rows = await ListRegister.QueryAsync(schoolId, start, end, null, null, null, db, ct);
        var clerk = await SchoolPeople.HolderAsync(db, schoolId, Role.Clerk, ct);
        var model = RecordsPapers.Register(new RegisterInput(school.FullName, start, end,
            [.. rows.OrderBy(r => r.RegisteredOn).ThenBy(r => r.Number).Select(r => new RegisterLine(r.Number, r.RegisteredOn, t[$"DocumentKind.{r.Kind}"], r.Author, r.Summary,
                r.Sheets + r.AttachmentsSheets, r.CaseIndex, r.FilingMark))], clerk));
        return await issuer.FileAsync(model, kind!, string.Format(System.Globalization.CultureInfo.InvariantCulture, t["Document.RegisterFileName"], start.ToString("yyyy-MM-dd"), end.ToString("yyyy-MM-dd")), schoolId, null, null, ct);
    }
}

/// <summary>Who signs for the school in a role: the first holder by surname, as «Иванова М. П.».</summary>
public static class SchoolPeople
{
    public static async Task<string?> HolderAsync(CorrectionsDbContext db, Guid schoolId, Role role, CancellationToken ct)
        => await (from a in db.RoleAssignments join u in db.Users on a.UserId equals u.Id
                  where a.SchoolId == schoolId && a.Role == role orderby u.Surname
                  select new { u.Surname, u.GivenName, u.Patronymic }).FirstOrDefaultAsync(ct) is { } p
            ? Corrections.Documents.Text.PersonName.WithInitials(p.Surname, p.GivenName, p.Patronymic) : null;
}
