using Corrections.Tests.Shared;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Corrections;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Organisation;
using Corrections.Workflows.Persistence;
using Corrections.Workflows.Records;

namespace Corrections.Workflows.Tests.Filing;

/// <summary>
/// Where a request is filed: the period of its earliest entry (its own, or the one around its date),
/// that period's school year, and the summary-sheets case of the year the period ends in; without a
/// period, the case of the school's current year.
/// </summary>
public abstract class FilingTargetTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly Guid _school = Guid.NewGuid(), _teacher = Guid.NewGuid(), _class = Guid.NewGuid(), _subject = Guid.NewGuid(), _student = Guid.NewGuid();
    private readonly Guid _autumn = Guid.NewGuid(), _spring = Guid.NewGuid();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await DbContexts.MigrateAsync(_database);
        await using var db = DbContexts.Create(_database);
        var municipality = new Municipality { Id = Guid.NewGuid(), Name = "Округ", DepartmentName = "Управление образования" };
        // Kamchatka is twelve hours ahead of UTC: its new year begins at noon UTC on 31 December.
        db.Schools.Add(new School { Id = _school, MunicipalityId = municipality.Id, FullName = "Школа", ShortName = "Школа", Address = "адрес", TimeZoneId = "Asia/Kamchatka" });
        var year = new SchoolYear { Id = Guid.NewGuid(), SchoolId = _school, Name = "2025/2026", StartDate = new(2025, 9, 1), EndDate = new(2026, 5, 31), PeriodKind = PeriodKind.Halves };
        year.Periods.Add(new StudyPeriod { Id = _autumn, SchoolId = _school, SchoolYearId = year.Id, Number = 1, Name = "1 полугодие", StartDate = new(2025, 9, 1), EndDate = new(2025, 12, 31) });
        year.Periods.Add(new StudyPeriod { Id = _spring, SchoolId = _school, SchoolYearId = year.Id, Number = 2, Name = "2 полугодие", StartDate = new(2026, 1, 1), EndDate = new(2026, 5, 31) });
        db.AddRange(municipality, year,
            new SchoolClass { Id = _class, SchoolId = _school, SchoolYearId = year.Id, Grade = 7, Letter = "Б", Name = "7Б" },
            new Subject { Id = _subject, SchoolId = _school, Name = "Алгебра" },
            new Student { Id = _student, SchoolId = _school, ClassId = _class, Surname = "Иванов", GivenName = "Иван" },
            new AppUser { Id = _teacher, UserName = "teacher", Surname = "Учитель", GivenName = "Ольга" });
        // The nomenclature has no cases for 2026.
        db.CaseFiles.AddRange(DefaultCases.For(_school, 2025));
        db.CaseFiles.AddRange(DefaultCases.For(_school, 2027));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<Guid> RequestAsync(params (DateOnly Date, Guid? PeriodId)[] entries)
    {
        await using var db = DbContexts.Create(_database);
        var id = Guid.NewGuid();
        db.WorkflowInstances.Add(new WorkflowInstance { Id = id, SchoolId = _school, DefinitionId = "p", DefinitionVersion = "v", State = "applied", Revision = 1, InitiatorId = _teacher });
        var request = new CorrectionRequest { Id = id, SchoolId = _school, InitiatorId = _teacher, ClassId = _class, SubjectId = _subject, SubjectTeacherId = _teacher };
        foreach (var (date, periodId) in entries)
            request.Entries.Add(new CorrectionEntry
            {
                Id = Guid.NewGuid(), SchoolId = _school, RequestId = id, StudentId = _student, Date = date, StudyPeriodId = periodId,
                Kind = periodId is null ? EntryKind.CurrentMark : EntryKind.PeriodMark, CurrentValue = "2", RequestedValue = "4",
            });
        db.CorrectionRequests.Add(request);
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<FilingTarget.Target> FindAsync(Guid requestId, DateTimeOffset now)
    {
        await using var db = DbContexts.Create(_database);
        return await FilingTarget.FindAsync(db, requestId, _school, now, default);
    }

    [Fact]
    public async Task The_earliest_entry_names_the_period_around_its_date_and_the_case_of_the_year_the_period_ends_in()
    {
        var id = await RequestAsync((new(2026, 2, 2), null), (new(2025, 10, 10), null));

        var target = await FindAsync(id, new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal((_autumn, "1 полугодие", "2025/2026", 2025), (target.Period?.Id, target.Period?.Name, target.SchoolYear, target.Year));
        Assert.NotNull(target.Case);
        Assert.Equal((DefaultCases.SummarySheets, 2025, _school), (target.Case.Index, target.Case.Year, target.Case.SchoolId));
        Assert.Equal(new DateOnly(2026, 3, 1), target.Today);
    }

    [Fact]
    public async Task An_entry_with_its_own_period_goes_by_that_period_and_a_year_without_the_case_finds_none()
    {
        var id = await RequestAsync((new(2025, 10, 10), _spring));

        var target = await FindAsync(id, new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal((_spring, "2025/2026", 2026), (target.Period?.Id, target.SchoolYear, target.Year));
        Assert.Null(target.Case);
    }

    [Fact]
    public async Task Without_a_period_the_case_is_that_of_the_current_year_where_the_school_is()
    {
        var id = await RequestAsync((new(2024, 6, 1), null));

        // 13:00 UTC on 31 December 2026 is already 1 January 2027 in Kamchatka.
        var target = await FindAsync(id, new DateTimeOffset(2026, 12, 31, 13, 0, 0, TimeSpan.Zero));

        Assert.Null(target.Period);
        Assert.Null(target.SchoolYear);
        Assert.Equal((2027, new DateOnly(2027, 1, 1)), (target.Year, target.Today));
        Assert.Equal((DefaultCases.SummarySheets, 2027), (target.Case?.Index, target.Case?.Year));
    }
}

public sealed class FilingTargetTests_OnPostgres() : FilingTargetTests(DatabaseProvider.Postgres);

public sealed class FilingTargetTests_OnSqlite() : FilingTargetTests(DatabaseProvider.Sqlite);
