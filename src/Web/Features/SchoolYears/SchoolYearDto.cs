using Corrections.Workflows.Organisation;

namespace Corrections.Web.Features.SchoolYears;

public sealed record StudyPeriodDto(Guid Id, int Number, string Name, DateOnly StartDate, DateOnly EndDate);

public sealed record SchoolYearDto(Guid Id, Guid SchoolId, string Name, DateOnly StartDate, DateOnly EndDate, PeriodKind PeriodKind, IReadOnlyList<StudyPeriodDto> Periods)
{
    public static SchoolYearDto From(SchoolYear y) => new(y.Id, y.SchoolId, y.Name, y.StartDate, y.EndDate, y.PeriodKind,
        [.. y.Periods.OrderBy(p => p.Number).Select(p => new StudyPeriodDto(p.Id, p.Number, p.Name, p.StartDate, p.EndDate))]);
}
