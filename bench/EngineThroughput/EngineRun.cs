using System.Diagnostics;
using Corrections.Workflows.Access;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Corrections;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Organisation;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Corrections.Bench;

/// <param name="ClientCpu">CPU of the threads of this process that ran the steps, in the loop.</param>
/// <param name="BackgroundCpu">CPU of its other threads (the JIT's tiering, the GC) in the same time.</param>
/// <param name="ServerCpuSeconds">CPU of the database's backends in the loop; null where /proc of the server is not readable.</param>
public sealed record EngineResult(long Transitions, TimeSpan Elapsed, TimeSpan ClientCpu, TimeSpan BackgroundCpu, double? ServerCpuSeconds)
{
    public double BackgroundMs => BackgroundCpu.TotalMilliseconds / Transitions;
    public double PerSecond => Transitions / Elapsed.TotalSeconds;
    public double WallMs => Elapsed.TotalMilliseconds / Transitions;
    public double ClientMs => ClientCpu.TotalMilliseconds / Transitions;
    public double? ServerMs => ServerCpuSeconds * 1000 / Transitions;

    /// <summary>Several loops as one (the rounds' totals); the server's CPU only where every loop has it.</summary>
    public static EngineResult Sum(IEnumerable<EngineResult> loops) => loops.Aggregate(
        new EngineResult(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, 0),
        (a, b) => new(a.Transitions + b.Transitions, a.Elapsed + b.Elapsed, a.ClientCpu + b.ClientCpu, a.BackgroundCpu + b.BackgroundCpu,
            a.ServerCpuSeconds + b.ServerCpuSeconds));
}

/// <summary>
/// Drives requests through the real engine, definitions and guards on PostgreSQL, one step per
/// transaction as in production: submit, return, submit, register, approve, apply, file.
/// Timer waits are written as usual; handing them to Quartz is left out of the measurement.
/// Apart from it, the engine alone: <c>engine-only.json</c>, two states whose transitions have no
/// guards and no effects, so a step is only what the engine itself does (the access scope, the
/// instance, the role and revision checks, the waits, the history, the audit line, the commit).
/// </summary>
public sealed class EngineRun : IAsyncDisposable
{
    private static readonly (string Action, string Role)[] Path =
        [("submit", "teacher"), ("return", "clerk"), ("submit", "teacher"), ("register", "clerk"), ("approve", "director"), ("apply", "zavuch"), ("file", "clerk")];

    private readonly ServiceProvider _provider;
    private readonly Dictionary<string, Guid> _people;
    private readonly string _folder;
    private readonly CpuMeter _cpu;

    private EngineRun(ServiceProvider provider, Dictionary<string, Guid> people, string folder, CpuMeter cpu) => (_provider, _people, _folder, _cpu) = (provider, people, folder, cpu);

    /// <summary>Migrates the database, loads the definitions and seeds one school with its four people.</summary>
    /// <param name="profile">When given, counts round trips and times phases (slower; never the compared run).</param>
    /// <param name="cpu">Reads the CPU of this process and of the engine database's backends around each loop.</param>
    public static async Task<EngineRun> StartAsync(string connectionString, string workflows, CpuMeter cpu, StepProfile? profile)
    {
        // The product's definitions and the benchmark's own, loaded together as the service would load a folder.
        var folder = Directory.CreateTempSubdirectory("bench-workflows-").FullName;
        foreach (var file in Directory.GetFiles(workflows, "*.json")) File.Copy(file, System.IO.Path.Combine(folder, System.IO.Path.GetFileName(file)));
        File.Copy(System.IO.Path.Combine(AppContext.BaseDirectory, "engine-only.json"), System.IO.Path.Combine(folder, "engine-only.json"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = connectionString,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System)
            .AddCorrectionsPersistence(configuration, System.IO.Path.GetTempPath())
            .AddCorrectionsWorkflows(folder)
            .AddSingleton<IWorkflowTimerScheduler, TimersLeftOut>();
        if (profile is not null)
            services.ConfigureDbContext<CorrectionsDbContext>(o => o.AddInterceptors(profile)
                .LogTo(_ => profile.QueryCompiled(), [CoreEventId.QueryCompilationStarting], LogLevel.Debug));
        var provider = services.BuildServiceProvider();
        return new EngineRun(provider, await SetUpAsync(provider, folder), folder, cpu);
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The correction-request process for <paramref name="duration"/>: a new request, then its seven steps, again and again.</summary>
    public async Task<EngineResult> ProcessAsync(TimeSpan duration, StepProfile? profile)
    {
        var loop = new LoopMeter(_cpu);
        var transitions = await DriveAsync(_provider, _people, duration, loop, profile);
        return new EngineResult(transitions, loop.Elapsed, loop.ClientCpu, loop.BackgroundCpu, loop.ServerCpuSeconds);
    }

    /// <summary>The engine alone for <paramref name="duration"/>, in the same loop on the engine-only definition.</summary>
    public async Task<EngineResult> EngineOnlyAsync(TimeSpan duration, StepProfile? profile)
    {
        var loop = new LoopMeter(_cpu);
        var transitions = await DriveEngineOnlyAsync(_provider, _people, duration, loop, profile);
        return new EngineResult(transitions, loop.Elapsed, loop.ClientCpu, loop.BackgroundCpu, loop.ServerCpuSeconds);
    }

    private static readonly (string Action, string Role)[] EngineOnlyPath =
        [("check", "clerk"), ("reopen", "director"), ("check", "clerk"), ("reopen", "director"), ("check", "clerk"), ("reopen", "director"), ("check", "clerk")];

    /// <summary>The same loop as the process (a new instance, then seven steps, each with its access scope and instance loaded) on the engine-only definition.</summary>
    private static async Task<long> DriveEngineOnlyAsync(ServiceProvider provider, Dictionary<string, Guid> people, TimeSpan duration, LoopMeter loop, StepProfile? profile)
    {
        var transitions = 0L;
        await loop.StartAsync();
        while (loop.Elapsed < duration)
        {
            var id = await Timed(profile, "E0 create", async () =>
            {
                await using var scope = provider.CreateAsyncScope();
                var holder = scope.ServiceProvider.GetRequiredService<AccessScopeHolder>();
                var db = scope.ServiceProvider.GetRequiredService<CorrectionsDbContext>();
                holder.Current = await AccessScopeLoader.LoadAsync(db, people["teacher"], default);
                await using var tx = await db.Database.BeginTransactionAsync();
                var instance = await scope.ServiceProvider.GetRequiredService<WorkflowEngine>()
                    .CreateAsync("bench-engine-only", Guid.CreateVersion7(), people["school"], new Actor(people["teacher"], holder.Current), default);
                await db.SaveChangesAsync();
                await tx.CommitAsync();
                return instance.Id;
            });
            foreach (var (action, role) in EngineOnlyPath)
            {
                await StepAsync(provider, people[role], id, action, action == "reopen" ? "Нужна подпись" : null, "E", profile);
                transitions++;
            }
        }
        await loop.PauseAsync();
        return transitions;
    }

    private static async Task<long> DriveAsync(ServiceProvider provider, Dictionary<string, Guid> people, TimeSpan duration, LoopMeter loop, StepProfile? profile)
    {
        var transitions = 0L;
        while (loop.Elapsed < duration)
        {
            // The journal cell the request will change (a lesson, its work, the «2»): a fixture, outside
            // the clocks (until 2026-12-02 its time was counted in the process's rate).
            var entryDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-10));
            await JournalCellAsync(provider, people, entryDate);
            await loop.StartAsync();
            var id = await Timed(profile, "0 create", () => CreateAsync(provider, people));
            foreach (var (action, role) in Path)
            {
                await StepAsync(provider, people[role], id, action, action == "return" ? "Нет справки" : null, "", profile);
                transitions++;
            }
            await loop.PauseAsync();
        }
        return transitions;
    }

    /// <summary>One step as the API takes it: a fresh scope, the caller's access scope, the instance, the engine; its own transaction.</summary>
    /// <param name="phase">Prefix of the profile's phase names: "" for the process, "E" for the engine alone.</param>
    private static async Task StepAsync(ServiceProvider provider, Guid userId, Guid id, string action, string? reason, string phase, StepProfile? profile)
    {
        await using var scope = provider.CreateAsyncScope();
        var holder = scope.ServiceProvider.GetRequiredService<AccessScopeHolder>();
        var db = scope.ServiceProvider.GetRequiredService<CorrectionsDbContext>();
        holder.Current = await Timed(profile, phase + "1 access scope", () => AccessScopeLoader.LoadAsync(db, userId, default));
        var instance = await Timed(profile, phase + "2 load instance", () => db.WorkflowInstances.SingleAsync(i => i.Id == id));
        await Timed(profile, phase + "3 step " + action, () => scope.ServiceProvider.GetRequiredService<WorkflowEngine>()
            .ExecuteAsync(instance, action, new Actor(userId, holder.Current), instance.Revision, reason, null, default));
    }

    private static Task<T> Timed<T>(StepProfile? profile, string phase, Func<Task<T>> work) => profile is null ? work() : profile.MeasureAsync(phase, work);

    private static async Task<Dictionary<string, Guid>> SetUpAsync(ServiceProvider services, string workflows)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScopeHolder>().Current = AccessScope.System;
        var db = scope.ServiceProvider.GetRequiredService<CorrectionsDbContext>();
        await new SchemaMigrator(db).MigrateAsync();
        await services.GetRequiredService<DefinitionRegistry>().LoadAsync(workflows, db, TimeProvider.System, default);

        var municipality = new Municipality { Id = Guid.NewGuid(), Name = "Бенчмарк", DepartmentName = "Управление" };
        var school = new School { Id = Guid.NewGuid(), MunicipalityId = municipality.Id, FullName = "Школа", ShortName = "Школа", Address = "адрес", TimeZoneId = "Europe/Moscow" };
        var year = new SchoolYear { Id = Guid.NewGuid(), SchoolId = school.Id, Name = "2026/2027", StartDate = new(2026, 9, 1), EndDate = new(2027, 5, 31), PeriodKind = PeriodKind.Halves };
        var schoolClass = new SchoolClass { Id = Guid.NewGuid(), SchoolId = school.Id, SchoolYearId = year.Id, Grade = 7, Letter = "Б", Name = "7Б" };
        var subject = new Subject { Id = Guid.NewGuid(), SchoolId = school.Id, Name = "Алгебра" };
        // The year's halves (the change table numbers rows per period) and the cases filing needs.
        year.Periods.Add(new StudyPeriod { Id = Guid.NewGuid(), SchoolId = school.Id, SchoolYearId = year.Id, Number = 1, Name = "1 полугодие", StartDate = new(2026, 1, 1), EndDate = new(2026, 12, 31) });
        year.Periods.Add(new StudyPeriod { Id = Guid.NewGuid(), SchoolId = school.Id, SchoolYearId = year.Id, Number = 2, Name = "2 полугодие", StartDate = new(2027, 1, 1), EndDate = new(2027, 12, 31) });
        foreach (var caseYear in new[] { 2026, 2027 }) db.CaseFiles.AddRange(Corrections.Workflows.Records.DefaultCases.For(school.Id, caseYear));
        db.AddRange(municipality, school, year, schoolClass, subject,
            new Student { Id = Guid.NewGuid(), SchoolId = school.Id, ClassId = schoolClass.Id, Surname = "Иванов", GivenName = "Иван" });
        var studentId = db.Students.Local.Single().Id;
        db.Grounds.AddRange(DefaultGrounds.For(school.Id));
        var people = new Dictionary<string, Guid>();
        foreach (var (key, role) in new[] { ("teacher", Role.Teacher), ("clerk", Role.Clerk), ("director", Role.Director), ("zavuch", Role.Zavuch) })
        {
            var user = new AppUser { Id = Guid.NewGuid(), UserName = key, Email = $"{key}@bench.test", Surname = key, GivenName = key };
            db.Users.Add(user);
            db.RoleAssignments.Add(new RoleAssignment { Id = Guid.NewGuid(), UserId = user.Id, Role = role, SchoolId = school.Id });
            people[key] = user.Id;
        }
        db.TeachingAssignments.Add(new TeachingAssignment { Id = Guid.NewGuid(), SchoolId = school.Id, TeacherId = people["teacher"], ClassId = schoolClass.Id, SubjectId = subject.Id });
        await db.SaveChangesAsync();
        people["school"] = school.Id;
        people["class"] = schoolClass.Id;
        people["subject"] = subject.Id;
        people["student"] = studentId;
        return people;
    }

    /// <summary>A fresh lesson with a current-mark work where the student has «2», so each request's «apply» writes a real cell.</summary>
    private static async Task JournalCellAsync(ServiceProvider services, Dictionary<string, Guid> people, DateOnly date)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScopeHolder>().Current = AccessScope.System;
        var db = scope.ServiceProvider.GetRequiredService<CorrectionsDbContext>();
        var lesson = new Corrections.Workflows.Journal.Lesson { Id = Guid.CreateVersion7(), SchoolId = people["school"], ClassId = people["class"], SubjectId = people["subject"], TeacherId = people["teacher"], Date = date };
        var work = new Corrections.Workflows.Journal.Work { Id = Guid.CreateVersion7(), SchoolId = people["school"], LessonId = lesson.Id, Kind = EntryKind.CurrentMark, Title = "Работа" };
        // Earlier cells of the same date give way, so the request names exactly this one.
        await db.Lessons.Where(l => l.ClassId == people["class"] && l.Date == date).ExecuteUpdateAsync(s => s.SetProperty(l => l.Date, date.AddDays(-400)));
        db.AddRange(lesson, work, new Corrections.Workflows.Journal.Mark { Id = Guid.CreateVersion7(), SchoolId = people["school"], WorkId = work.Id, StudentId = people["student"], Value = "2" });
        await db.SaveChangesAsync();
    }

    private static async Task<Guid> CreateAsync(ServiceProvider services, Dictionary<string, Guid> people)
    {
        await using var scope = services.CreateAsyncScope();
        var holder = scope.ServiceProvider.GetRequiredService<AccessScopeHolder>();
        var db = scope.ServiceProvider.GetRequiredService<CorrectionsDbContext>();
        holder.Current = await AccessScopeLoader.LoadAsync(db, people["teacher"], default);
        var student = db.Students.First();
        var request = new CorrectionRequest
        {
            Id = Guid.CreateVersion7(), SchoolId = people["school"], InitiatorId = people["teacher"], ClassId = people["class"], SubjectId = people["subject"],
            SubjectTeacherId = people["teacher"], GroundId = db.Grounds.First(g => g.Code == "illness").Id, Justification = "Болезнь", CreatedAt = DateTimeOffset.UtcNow,
        };
        request.Entries.Add(new CorrectionEntry
        {
            Id = Guid.CreateVersion7(), SchoolId = request.SchoolId, RequestId = request.Id, StudentId = student.Id,
            Date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-10)), Kind = EntryKind.CurrentMark, CurrentValue = "2", RequestedValue = "4",
        });
        await using var tx = await db.Database.BeginTransactionAsync();
        await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().CreateAsync("correction-request", request.Id, request.SchoolId, new Actor(people["teacher"], holder.Current), default);
        db.CorrectionRequests.Add(request);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return request.Id;
    }

    /// <summary>The benchmark measures the engine's database work; Quartz's trigger writes are not part of it.</summary>
    private sealed class TimersLeftOut : IWorkflowTimerScheduler
    {
        public Task ScheduleAsync(IReadOnlyCollection<WorkflowWait> timers, CancellationToken ct) => Task.CompletedTask;
    }
}
