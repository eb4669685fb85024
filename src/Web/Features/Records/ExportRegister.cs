using System.Globalization;
using System.Text;
using Corrections.Web.Infrastructure;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Persistence;
using Corrections.Workflows.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Records;

/// <summary>
/// GET /api/v1/schools/{schoolId}/register/export?format=csv&amp;(the list's filters): the register as a
/// file the clerk opens in a spreadsheet: UTF-8 with a byte-order mark and «;» between fields, which
/// is what Excel with Russian regional settings expects.
/// </summary>
public static class ExportRegister
{
    public static void Map(IEndpointRouteBuilder school) => school.MapGet("/register/export", Handle)
        .RequireAuthorization(Policies.SchoolRegisterReader).Produces<Stream>(contentType: "text/csv").WithTags("Records");

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> Handle(
        Guid schoolId, string? format, DateOnly? from, DateOnly? to, DocumentKind? kind, string? state, string? text,
        CorrectionsDbContext db, Workflows.Engine.DefinitionRegistry definitions, IStringLocalizer<SharedResource> t, TimeProvider clock, CancellationToken ct)
    {
        if (!string.Equals(format ?? "csv", "csv", StringComparison.OrdinalIgnoreCase))
        {
            var v = new Validation(t);
            v.Add("format", "Export.Format");
            return v.Problem();
        }
        var rows = await ListRegister.QueryAsync(schoolId, from, to, kind, state, text, db, ct);
        var zone = await db.Schools.Where(s => s.Id == schoolId).Select(s => s.TimeZoneId).SingleAsync(ct);

        // State titles come from the current definition, as in the inbox; a state it no longer has shows by name.
        var states = definitions.GetCurrent("correction-request").States;
        var csv = new StringBuilder();
        csv.Append(t["Export.RegisterHeader"].Value).Append("\r\n");
        foreach (var r in rows)
        {
            string[] fields =
            [
                r.Number, Date(r.RegisteredOn), Date(r.ReceivedOn), t[$"DocumentKind.{r.Kind}"], r.Author, r.Addressee, r.Summary,
                r.Sheets.ToString(CultureInfo.InvariantCulture), r.AttachmentsCount.ToString(CultureInfo.InvariantCulture),
                r.AttachmentsSheets.ToString(CultureInfo.InvariantCulture), r.CaseIndex, r.State is null ? "" : states.TryGetValue(r.State, out var s) ? s.Title : r.State,
                r.OnControl ? t["Export.OnControl"] : "", r.AccessRestriction ?? "", r.FilingMark ?? "",
            ];
            csv.AppendJoin(';', fields.Select(Field)).Append("\r\n");
        }
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        var name = string.Format(CultureInfo.InvariantCulture, t["Export.RegisterFileName"], SchoolClock.Today(zone, clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return TypedResults.File(bytes, "text/csv; charset=utf-8", name);
    }

    private static string Date(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>Quoted when needed; a leading = + - @ is neutralised so a spreadsheet never runs a field as a formula.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal)) value = "'" + value;
        return value.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
