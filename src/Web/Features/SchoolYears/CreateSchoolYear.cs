using Corrections.Web.Infrastructure;
using Corrections.Workflows.Organisation;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.SchoolYears;

/// <summary>
/// POST /api/v1/schools/{schoolId}/years: a school year with all its periods at once, because a
/// year without its quarters (or trimesters, or halves) cannot yet carry a summary sheet.
/// </summary>
public static class CreateSchoolYear
{
    public sealed record PeriodRequest(string? Name, DateOnly? StartDate, DateOnly? EndDate);
    public sealed record Request(string? Name, DateOnly? StartDate, DateOnly? EndDate, PeriodKind? PeriodKind, IReadOnlyList<PeriodRequest>? Periods);

    public static void Map(IEndpointRouteBuilder school) => school.MapPost("/years", Handle)
        .RequireAuthorization(Policies.SchoolAdmin).ProducesProblem(StatusCodes.Status409Conflict).WithTags("Organisation");

    public static async Task<Results<Created<SchoolYearDto>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid schoolId, Request request, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var v = new Validation(t);
        var start = v.RequiredValue("startDate", request.StartDate);
        var end = v.RequiredValue("endDate", request.EndDate);
        var kind = v.RequiredValue("periodKind", request.PeriodKind);
        if (request.PeriodKind is { } k && !Enum.IsDefined(k)) v.Add("periodKind", "Validation.PeriodKind");
        if (request.StartDate is not null && request.EndDate is not null && end <= start) v.Add("endDate", "Validation.EndBeforeStart");
        var name = v.Optional("name", request.Name, Limits.ShortText) ?? $"{start.Year}/{start.Year + 1}";

        var year = new SchoolYear { Id = Guid.CreateVersion7(), SchoolId = schoolId, Name = name, StartDate = start, EndDate = end, PeriodKind = kind };
        var periods = request.Periods ?? [];
        if (v.IsValid && periods.Count != (int)kind) v.Add("periods", "Validation.PeriodCount", (int)kind);
        for (var i = 0; i < periods.Count; i++)
        {
            var field = $"periods[{i}]";
            var p = periods[i];
            var pStart = v.RequiredValue($"{field}.startDate", p.StartDate);
            var pEnd = v.RequiredValue($"{field}.endDate", p.EndDate);
            if (p.StartDate is null || p.EndDate is null) continue;
            if (pEnd < pStart) v.Add($"{field}.endDate", "Validation.EndBeforeStart");
            if (pStart < start || pEnd > end) v.Add(field, "Validation.PeriodOutsideYear");
            if (i > 0 && periods[i - 1].EndDate is { } previousEnd && pStart <= previousEnd) v.Add(field, "Validation.PeriodOverlaps");
            year.Periods.Add(new StudyPeriod
            {
                Id = Guid.CreateVersion7(), SchoolId = schoolId, SchoolYearId = year.Id, Number = i + 1,
                Name = v.Optional($"{field}.name", p.Name, Limits.ShortText) ?? DefaultPeriodName(t, kind, i + 1),
                StartDate = pStart, EndDate = pEnd,
            });
        }
        if (!v.IsValid) return v.Problem();

        var overlapping = await db.SchoolYears.AnyAsync(y => y.SchoolId == schoolId && (y.Name == name || (y.StartDate <= end && start <= y.EndDate)), ct);
        if (overlapping) return Validation.Conflict(t, "Conflict.SchoolYear", name);

        db.SchoolYears.Add(year);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/schools/{schoolId}/years/{year.Id}", SchoolYearDto.From(year));
    }

    /// <summary>«1 четверть», «2 триместр», «1 полугодие».</summary>
    public static string DefaultPeriodName(IStringLocalizer<SharedResource> t, PeriodKind kind, int number) => t[$"Period.{kind}", number];
}
