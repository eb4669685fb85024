using Corrections.Tests.Shared;
using Corrections.Workflows.Access;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Corrections;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Organisation;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Workflows.Tests.Access;

/// <summary>
/// The DbContext is the one place that enforces school scoping: these tests seed two schools and
/// look at them through the eyes of a user of one of them.
/// </summary>
public abstract class SchoolScopingTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly Guid _municipality = Guid.NewGuid(), _schoolA = Guid.NewGuid(), _schoolB = Guid.NewGuid();
    private readonly Guid _userA = Guid.NewGuid();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await DbContexts.MigrateAsync(_database);
        await using var db = DbContexts.Create(_database);
        db.Municipalities.Add(new Municipality { Id = _municipality, Name = "Округ", DepartmentName = "Управление образования" });
        foreach (var (id, name) in new[] { (_schoolA, "Школа А"), (_schoolB, "Школа Б") })
        {
            db.Schools.Add(new School { Id = id, MunicipalityId = _municipality, FullName = name, ShortName = name, Address = "адрес", TimeZoneId = "Europe/Moscow" });
            var year = new SchoolYear { Id = Guid.NewGuid(), SchoolId = id, Name = "2026/2027", StartDate = new(2026, 9, 1), EndDate = new(2027, 5, 31), PeriodKind = PeriodKind.Halves };
            year.Periods.Add(new StudyPeriod { Id = Guid.NewGuid(), SchoolId = id, SchoolYearId = year.Id, Number = 1, Name = "1 полугодие", StartDate = new(2026, 9, 1), EndDate = new(2026, 12, 28) });
            db.SchoolYears.Add(year);
            var schoolClass = new SchoolClass { Id = Guid.NewGuid(), SchoolId = id, SchoolYearId = year.Id, Grade = 7, Letter = "Б", Name = "7Б" };
            db.Classes.Add(schoolClass);
            db.Students.Add(new Student { Id = Guid.NewGuid(), SchoolId = id, ClassId = schoolClass.Id, Surname = "Иванов", GivenName = "Иван" });
            var subject = new Subject { Id = Guid.NewGuid(), SchoolId = id, Name = "Математика" };
            db.Subjects.Add(subject);
            var teacher = new AppUser { Id = id == _schoolA ? _userA : Guid.NewGuid(), UserName = $"t{id:N}", Surname = "Учитель", GivenName = "Ольга" };
            db.Users.Add(teacher);
            db.RoleAssignments.Add(new RoleAssignment { Id = Guid.NewGuid(), UserId = teacher.Id, Role = Role.Teacher, SchoolId = id });
            db.TeachingAssignments.Add(new TeachingAssignment { Id = Guid.NewGuid(), SchoolId = id, TeacherId = teacher.Id, ClassId = schoolClass.Id, SubjectId = subject.Id });
            db.SchoolSettings.Add(new SchoolSetting { SchoolId = id, Name = "unlock-hours", Value = "24" });
            var instance = new WorkflowInstance { Id = Guid.NewGuid(), SchoolId = id, DefinitionId = "p", DefinitionVersion = "v", State = "draft", Revision = 1, InitiatorId = teacher.Id };
            db.WorkflowInstances.Add(instance);
            db.WorkflowWaits.Add(new WorkflowWait { Id = Guid.NewGuid(), SchoolId = id, InstanceId = instance.Id, Kind = WaitKind.Task, State = "draft", Name = "initiator" });
            db.WorkflowHistory.Add(new WorkflowHistoryEntry { Id = Guid.NewGuid(), SchoolId = id, InstanceId = instance.Id, Revision = 1, Action = "create", ToState = "draft" });
            db.OutboxMessages.Add(new OutboxMessage { Id = Guid.NewGuid(), SchoolId = id, InstanceId = instance.Id, Kind = "k", Payload = "{}" });
            var ground = new Ground { Id = Guid.NewGuid(), SchoolId = id, Code = "illness", Title = "Болезнь" };
            db.Grounds.Add(ground);
            var request = new CorrectionRequest { Id = instance.Id, SchoolId = id, InitiatorId = teacher.Id, ClassId = schoolClass.Id, SubjectId = subject.Id, SubjectTeacherId = teacher.Id, GroundId = ground.Id };
            request.Entries.Add(new CorrectionEntry { Id = Guid.NewGuid(), SchoolId = id, RequestId = request.Id, StudentId = db.Students.Local.Single(s => s.SchoolId == id).Id, Date = new(2026, 9, 10), Kind = global::Corrections.Workflows.Locking.EntryKind.CurrentMark, CurrentValue = "2", RequestedValue = "4" });
            db.CorrectionRequests.Add(request);
            db.CaseFiles.AddRange(Records.DefaultCases.For(id, 2026));
            db.Numerators.AddRange(Records.Numerator.Defaults(id));
            db.NumberSequences.Add(new Records.NumberSequence { SchoolId = id, Kind = Records.DocumentKind.IncomingRequest, Year = 2026, Last = 1 });
            db.ScanDocuments.Add(new Records.ScanDocument
            {
                Id = Guid.NewGuid(), SchoolId = id, RequestId = request.Id, DocumentType = "medical-certificate", OriginalName = "справка.pdf",
                ContentType = "application/pdf", Size = 1, Sha256 = new string('a', 64), HealthData = true, UploadedById = teacher.Id,
            });
            var registered = db.RegisteredDocuments.Add(new Records.RegisteredDocument
            {
                Id = Guid.NewGuid(), SchoolId = id, Kind = Records.DocumentKind.IncomingRequest, Number = "01-12/1", Year = 2026, Sequence = 1,
                RegisteredOn = new(2026, 9, 11), ReceivedOn = new(2026, 9, 11), Author = "Учитель", Addressee = "Директору", Summary = "О внесении изменений",
                Sheets = 1, CaseIndex = "01-12", RequestId = request.Id, RegisteredById = teacher.Id,
            }).Entity;
            db.DocumentAttachments.Add(new Records.DocumentAttachment { DocumentId = registered.Id, ScanId = db.ScanDocuments.Local.Single(s => s.SchoolId == id).Id, SchoolId = id });
            var caseFile = db.CaseFiles.Local.First(c => c.SchoolId == id);
            var act = new Records.DestructionAct { Id = Guid.NewGuid(), SchoolId = id, Number = "1", Year = 2026, Sequence = 1, Status = Records.DestructionActStatus.Executed, DrawnUpById = teacher.Id };
            act.Cases.Add(new Records.DestructionActCase { Id = Guid.NewGuid(), SchoolId = id, ActId = act.Id, CaseFileId = caseFile.Id, CaseIndex = caseFile.Index, CaseTitle = caseFile.Title, CaseYear = 2020, RetentionYears = 5 });
            act.Destroyed.Add(new Records.DestroyedRecord { Id = Guid.NewGuid(), SchoolId = id, ActId = act.Id, CaseFileId = caseFile.Id, ObjectType = "scan", ObjectId = Guid.NewGuid(), Description = "справка" });
            db.DestructionActs.Add(act);
            var studentId = db.Students.Local.Single(s => s.SchoolId == id).Id;
            var period = year.Periods[0];
            var lesson = new Journal.Lesson { Id = Guid.NewGuid(), SchoolId = id, ClassId = schoolClass.Id, SubjectId = subject.Id, TeacherId = teacher.Id, Date = new(2026, 9, 10) };
            var work = new Journal.Work { Id = Guid.NewGuid(), SchoolId = id, LessonId = lesson.Id, Kind = global::Corrections.Workflows.Locking.EntryKind.CurrentMark, Title = "Работа" };
            db.AddRange(lesson, work,
                new Journal.Mark { Id = Guid.NewGuid(), SchoolId = id, WorkId = work.Id, StudentId = studentId, Value = "2" },
                new Journal.AttendanceMark { Id = Guid.NewGuid(), SchoolId = id, LessonId = lesson.Id, StudentId = studentId, Code = "н" },
                new Journal.PeriodMark { Id = Guid.NewGuid(), SchoolId = id, ClassId = schoolClass.Id, SubjectId = subject.Id, StudyPeriodId = period.Id, StudentId = studentId, Value = "4" },
                new Journal.JournalChange { Id = Guid.NewGuid(), SchoolId = id, ClassId = schoolClass.Id, SubjectId = subject.Id, StudentId = studentId, OldValue = "", NewValue = "2" },
                new Journal.JournalUnlock { Id = Guid.NewGuid(), SchoolId = id, RequestId = request.Id },
                new Journal.ChangeTableRow { Id = Guid.NewGuid(), SchoolId = id, ClassId = schoolClass.Id, StudyPeriodId = period.Id, Number = 1, Student = "И", Subject = "М", Description = "О", Initiator = "У", SubjectTeacher = "У" },
                new Journal.ChangeTableCounter { SchoolId = id, ClassId = schoolClass.Id, StudyPeriodId = period.Id, Last = 1 },
                new Journal.ExternalJournalLink { SchoolId = id, LocalType = "student", LocalId = studentId, ExternalId = "p1" },
                new Journal.JournalApplyFailure { Id = Guid.NewGuid(), SchoolId = id, RequestId = request.Id, MessageKey = "k", Arguments = "[]" },
                new Records.IssuedDocument { Id = Guid.NewGuid(), SchoolId = id, Title = "Заявление", TextSha256 = new string('0', 64) },
                new Records.DecisionSignature { Id = Guid.NewGuid(), SchoolId = id, RequestId = request.Id, SignerId = Guid.NewGuid(), Action = "approve", Revision = 3, DocumentSha256 = new string('0', 64) },
                new Notifications.OutgoingMail { Id = Guid.NewGuid(), SchoolId = id, UserId = teacher.Id, To = "t@school.test", Kind = "submitted", Subject = "Тема", Body = "Текст", Delivery = Notifications.MailDelivery.Email },
                new CalendarDay { SchoolId = id, Date = new(2026, 11, 4), Kind = CalendarDayKind.Holiday });
        }
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<CorrectionsDbContext> AsUserOfSchoolA()
    {
        await using var system = DbContexts.Create(_database);
        return DbContexts.Create(_database, await AccessScopeLoader.LoadAsync(system, _userA, default));
    }

    [Fact]
    public async Task A_user_of_one_school_sees_only_that_schools_rows_of_every_school_owned_entity()
    {
        await using var db = await AsUserOfSchoolA();
        var owned = db.Model.GetEntityTypes().Where(t => typeof(ISchoolOwned).IsAssignableFrom(t.ClrType)).ToList();
        Assert.True(owned.Count >= 6, "every school-owned entity is checked, and there are at least six");

        foreach (var type in owned)
        {
            var schoolIds = await RowsOf(db, type.ClrType);
            Assert.True(schoolIds.Count > 0, $"{type.ClrType.Name}: the user's own school's rows are visible");
            Assert.All(schoolIds, id => Assert.Equal(_schoolA, id));
        }
        Assert.Equal([_schoolA], await db.Schools.Select(s => s.Id).ToListAsync());
        Assert.All(await db.RoleAssignments.ToListAsync(), a => Assert.Equal(_schoolA, a.SchoolId));
    }

    [Fact]
    public async Task Nobody_sees_nothing()
    {
        await using var db = DbContexts.Create(_database, AccessScope.Nobody);

        Assert.Empty(await db.Schools.ToListAsync());
        Assert.Empty(await db.Students.ToListAsync());
        Assert.Empty(await db.Municipalities.ToListAsync());
    }

    [Fact]
    public async Task Saving_a_row_of_another_school_is_refused_and_writes_nothing()
    {
        await using (var db = await AsUserOfSchoolA())
        {
            var classOfB = await db.Classes.IgnoreQueryFilters().FirstAsync(c => c.SchoolId == _schoolB);
            db.Students.Add(new Student { Id = Guid.NewGuid(), SchoolId = _schoolB, ClassId = classOfB.Id, Surname = "Чужой", GivenName = "Пётр" });
            await Assert.ThrowsAsync<SchoolScopeViolationException>(() => db.SaveChangesAsync());
        }
        await using var system = DbContexts.Create(_database);
        Assert.False(await system.Students.AnyAsync(s => s.Surname == "Чужой"));
    }

    [Fact]
    public async Task Changing_a_row_of_another_school_found_by_bypassing_the_filter_is_refused()
    {
        await using var db = await AsUserOfSchoolA();
        var subjectOfB = await db.Subjects.IgnoreQueryFilters().FirstAsync(s => s.SchoolId == _schoolB);
        subjectOfB.Name = "Подменённый предмет";

        await Assert.ThrowsAsync<SchoolScopeViolationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_step_deletes_the_waits_of_its_own_schools_instance_with_the_save_and_is_refused_another_schools()
    {
        await using (var db = await AsUserOfSchoolA())
        {
            var instanceOfB = await db.WorkflowInstances.IgnoreQueryFilters().FirstAsync(i => i.SchoolId == _schoolB);
            Assert.Throws<SchoolScopeViolationException>(() => db.DeleteWaitsOnSave(instanceOfB));

            var instanceOfA = await db.WorkflowInstances.SingleAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            db.DeleteWaitsOnSave(instanceOfA);
            Assert.Equal(1, await db.WorkflowWaits.CountAsync()); // nothing happens before the save
            instanceOfA.Revision++;
            await db.SaveChangesAsync();
            Assert.Equal(0, await db.WorkflowWaits.CountAsync());
            await tx.CommitAsync();
        }
        await using var system = DbContexts.Create(_database);
        Assert.Equal([_schoolB], await system.WorkflowWaits.Select(w => w.SchoolId).ToListAsync());
    }

    private static async Task<List<Guid>> RowsOf(CorrectionsDbContext db, Type type)
    {
        var method = typeof(SchoolScopingTests).GetMethod(nameof(SchoolIdsOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        return await (Task<List<Guid>>)method.MakeGenericMethod(type).Invoke(null, [db])!;
    }

    private static Task<List<Guid>> SchoolIdsOf<T>(CorrectionsDbContext db) where T : class, ISchoolOwned
        => db.Set<T>().Select(e => e.SchoolId).ToListAsync();
}

public sealed class SchoolScopingTests_OnPostgres() : SchoolScopingTests(DatabaseProvider.Postgres);

public sealed class SchoolScopingTests_OnSqlite() : SchoolScopingTests(DatabaseProvider.Sqlite);
