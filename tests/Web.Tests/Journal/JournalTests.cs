using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Corrections.Web.Tests.Requests;
using Corrections.Web.Tests.Support;
using Corrections.Workflows.Corrections;
using Corrections.Workflows.Locking;
using Microsoft.EntityFrameworkCore;
using static Corrections.Web.Tests.Requests.RequestDriver;

namespace Corrections.Web.Tests.Journal;

/// <summary>
/// Points 2.4–2.6 on the built-in journal: the time-boxed unlock of exactly a request's entries, the
/// change table with the regulation's eight columns, the teacher's direct edits and the access report.
/// </summary>
public abstract class JournalTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private sealed record Cell(Guid SchoolId, Guid ClassId, Guid SubjectId, Guid WorkId, Guid LessonId, DateOnly Date, Guid StudentId);

    /// <summary>The current-mark cell a draft made by the driver names: first 5А student, Russian, on <paramref name="date"/>.</summary>
    private async Task<Cell> CellAsync(DateOnly date, int student = 0, string className = "5А", string subject = "Русский язык", string school = "МБОУ СОШ № 1")
    {
        await using var db = app.Db();
        var schoolId = await db.Schools.Where(s => s.ShortName == school).Select(s => s.Id).SingleAsync();
        var classId = await db.Classes.Where(c => c.SchoolId == schoolId && c.Name == className).Select(c => c.Id).SingleAsync();
        var subjectId = await db.Subjects.Where(s => s.SchoolId == schoolId && s.Name == subject).Select(s => s.Id).SingleAsync();
        var lesson = await db.Lessons.Where(l => l.ClassId == classId && l.SubjectId == subjectId && l.Date == date).OrderBy(l => l.Id).FirstAsync();
        var work = await db.Works.Where(w => w.LessonId == lesson.Id).OrderBy(w => w.Id).FirstAsync();
        var studentId = await db.Students.Where(s => s.ClassId == classId).OrderBy(s => s.Surname).ThenBy(s => s.GivenName).Skip(student).Select(s => s.Id).FirstAsync();
        return new Cell(schoolId, classId, subjectId, work.Id, lesson.Id, date, studentId);
    }

    /// <summary>The <paramref name="nth"/> latest 5А Russian lesson at least ten days old: each test takes its own, so none sees another's change.</summary>
    private async Task<DateOnly> LockedLessonAsync(int nth)
    {
        await using var db = app.Db();
        var tenDaysAgo = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-10));
        var russian = await (from l in db.Lessons join c in db.Classes on l.ClassId equals c.Id join s in db.Subjects on l.SubjectId equals s.Id
                             where c.Name == "5А" && s.Name == "Русский язык" && l.Date <= tenDaysAgo && c.SchoolId == s.SchoolId
                             select l.Date).Distinct().OrderByDescending(d => d).Skip(nth).FirstAsync();
        return russian;
    }

    private static string Other(string value) => value == "5" ? "4" : "5";

    private static Task<HttpResponseMessage> SetMarkAsync(HttpClient client, Cell cell, string value)
        => client.PutAsJsonAsync($"/api/v1/schools/{cell.SchoolId}/journal/marks", new { workId = cell.WorkId, studentId = cell.StudentId, value });

    private async Task<string> MarkAsync(Cell cell)
    {
        await using var db = app.Db();
        return await db.Marks.Where(m => m.WorkId == cell.WorkId && m.StudentId == cell.StudentId).Select(m => m.Value).SingleOrDefaultAsync() ?? "";
    }

    private async Task<int> RowsAsync(Guid requestId)
    {
        await using var db = app.Db();
        return await db.ChangeTableRows.CountAsync(r => r.RequestId == requestId);
    }

    private static async Task<Guid> ApprovedRequestAsync(RequestDriver driver, DateOnly date)
    {
        var id = (await driver.CreateDraftAsync(date: date)).GetProperty("id").GetGuid();
        await driver.StepAsync(id, Teacher, "submit", "submitted");
        await driver.StepAsync(id, Clerk, "register", "registered");
        await driver.StepAsync(id, Director, "approve", "unlocked");
        return id;
    }

    [Fact]
    public async Task Under_the_unlock_the_zavuch_changes_exactly_that_entry_and_the_change_table_gets_the_row_with_the_eight_values()
    {
        // Whole seconds: PostgreSQL keeps microseconds, the clock has ticks.
        var clock = new TestClock(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        var host = app.Create(clock: clock);
        var driver = new RequestDriver(app, host);
        var id = await ApprovedRequestAsync(driver, await LockedLessonAsync(0));
        var request = await driver.GetAsync(id);
        var entry = request.GetProperty("entries")[0];
        var cell = await CellAsync(DateOnly.Parse(entry.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("2", await MarkAsync(cell));

        // The unlock runs for the school's 48 hours, shown in its local time (Moscow).
        var unlock = request.GetProperty("unlock");
        Assert.Equal(clock.GetUtcNow().AddHours(48), unlock.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(TimeZoneInfo.ConvertTime(clock.GetUtcNow().AddHours(48), TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).ToString("dd.MM.yyyy HH:mm"),
            unlock.GetProperty("expiresAtLocal").GetString());

        var zavuch = await app.ApiAs(Zavuch, host: host);
        var wrongValue = await Problems.AssertProblemAsync(await SetMarkAsync(zavuch, cell, "5"), HttpStatusCode.Conflict);
        Assert.Equal("По разрешению можно внести только значение «4», указанное в заявлении.", wrongValue.GetProperty("detail").GetString());
        var set = await SetMarkAsync(zavuch, cell, "4");
        Assert.True(set.StatusCode == HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        Assert.Equal("4", await MarkAsync(cell));

        // Another student of the same lesson, and the same student on another (locked) lesson: refused, unchanged.
        var neighbour = await CellAsync(cell.Date, student: 1);
        var before = await MarkAsync(neighbour);
        var other = await Problems.AssertProblemAsync(await SetMarkAsync(zavuch, neighbour, "5"), HttpStatusCode.Conflict);
        Assert.StartsWith("Запись закрыта для изменений с ", other.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await MarkAsync(neighbour));
        // Another work on the same lesson and date is not the cell the request names.
        Guid secondWork;
        await using (var db = app.Db())
        {
            var work = new Workflows.Journal.Work { Id = Guid.CreateVersion7(), SchoolId = cell.SchoolId, LessonId = cell.LessonId, Kind = EntryKind.CurrentMark, Title = "Вторая работа" };
            db.Works.Add(work);
            db.Marks.Add(new Workflows.Journal.Mark { Id = Guid.NewGuid(), SchoolId = cell.SchoolId, WorkId = work.Id, StudentId = cell.StudentId, Value = "2" });
            await db.SaveChangesAsync();
            secondWork = work.Id;
        }
        await Problems.AssertProblemAsync(await SetMarkAsync(zavuch, cell with { WorkId = secondWork }, "4"), HttpStatusCode.Conflict);
        Assert.Equal("2", await MarkAsync(cell with { WorkId = secondWork }));

        // A lesson no request of this class names: locked for the zavuch as for anyone.
        var earlierCell = await CellAsync(await LockedLessonAsync(5));
        await Problems.AssertProblemAsync(await SetMarkAsync(zavuch, earlierCell, "4"), HttpStatusCode.Conflict);
        Assert.Equal("2", await MarkAsync(earlierCell));

        // The row, with the regulation's columns.
        var table = await (await driver.As(Director)).GetFromJsonAsync<JsonElement>($"/api/v1/schools/{cell.SchoolId}/change-table?classId={cell.ClassId}");
        var row = Assert.Single(table.EnumerateArray(), r => r.GetProperty("requestId").GetGuid() == id);
        var number = request.GetProperty("registrationNumber").GetString();
        var registeredOn = DateOnly.Parse(request.GetProperty("registeredOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(entry.GetProperty("studentName").GetString() + ", 5А", row.GetProperty("student").GetString());
        Assert.Equal("Русский язык", row.GetProperty("subject").GetString());
        Assert.Equal($"Отметка «2» изменена на «4»; уважительная причина подтверждена документально, заявление № {number} от {registeredOn:dd.MM.yyyy}",
            row.GetProperty("description").GetString());
        Assert.Equal(SchoolClock.Today("Europe/Moscow", clock).ToString("yyyy-MM-dd"), row.GetProperty("changedOn").GetString());
        Assert.Equal(cell.Date.ToString("yyyy-MM-dd"), row.GetProperty("journalDate").GetString());
        Assert.Equal(request.GetProperty("initiatorName").GetString(), row.GetProperty("initiator").GetString());
        Assert.Equal(request.GetProperty("subjectTeacherName").GetString(), row.GetProperty("subjectTeacher").GetString());
        var numbers = table.EnumerateArray().Where(r => r.GetProperty("studyPeriodId").GetGuid() == row.GetProperty("studyPeriodId").GetGuid())
            .Select(r => r.GetProperty("number").GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);

        // «apply» finds the entry done: the unlock ends, and no second row appears.
        await driver.StepAsync(id, Zavuch, "apply", "applied", role: "Zavuch");
        Assert.Equal(1, await RowsAsync(id));
        Assert.Equal("applied", (await driver.GetAsync(id)).GetProperty("unlock").GetProperty("revokedBecause").GetString());
        await Problems.AssertProblemAsync(await SetMarkAsync(zavuch, cell, "2"), HttpStatusCode.Conflict);

        // A row is corrected by a new row naming it; the row itself cannot be changed, not even in the database.
        var rowId = row.GetProperty("id").GetGuid();
        var corrections = $"/api/v1/schools/{cell.SchoolId}/change-table/{rowId}/corrections";
        Assert.Equal(HttpStatusCode.Forbidden, (await (await driver.As(Teacher)).PostAsJsonAsync(corrections, new { description = "x" })).StatusCode);
        var corrected = await zavuch.PostAsJsonAsync(corrections, new { description = "дата урока указана неверно, следует читать 12.11" });
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        var correction = await corrected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(rowId, correction.GetProperty("correctsRowId").GetGuid());
        Assert.Equal($"Исправление записи № {row.GetProperty("number").GetInt32()}: дата урока указана неверно, следует читать 12.11", correction.GetProperty("description").GetString());
        Assert.True(correction.GetProperty("number").GetInt32() > row.GetProperty("number").GetInt32());
        await using (var db = app.Db())
        {
            var stored = await db.ChangeTableRows.SingleAsync(r => r.Id == rowId);
            stored.Description = "подделка";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task After_the_window_the_zavuch_edit_and_the_apply_are_refused_and_nothing_is_appended()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        var host = app.Create(clock: clock);
        var driver = new RequestDriver(app, host);
        var id = await ApprovedRequestAsync(driver, await LockedLessonAsync(1));
        var cell = await CellAsync(DateOnly.Parse((await driver.GetAsync(id)).GetProperty("entries")[0].GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        clock.Advance(TimeSpan.FromHours(48) + TimeSpan.FromMinutes(1));
        var zavuch = await app.ApiAs(Zavuch, host: host);
        var edit = await Problems.AssertProblemAsync(await SetMarkAsync(zavuch, cell, "4"), HttpStatusCode.Conflict);
        Assert.StartsWith("Срок разрешения на изменение истёк ", edit.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var apply = await new RequestDriver(app, host).ActAsync(id, Zavuch, "apply");
        var problem = await Problems.AssertProblemAsync(apply, HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("Срок разрешения на изменение истёк ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("2", await MarkAsync(cell));
        Assert.Equal(0, await RowsAsync(id));
    }

    [Fact]
    public async Task Apply_writes_the_approved_value_in_its_own_step_and_two_applies_at_once_append_one_row()
    {
        var driver = new RequestDriver(app);
        var id = await ApprovedRequestAsync(driver, await LockedLessonAsync(2));
        var cell = await CellAsync(DateOnly.Parse((await driver.GetAsync(id)).GetProperty("entries")[0].GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        await driver.As(Zavuch);

        var both = await Task.WhenAll(driver.ActAsync(id, Zavuch, "apply", revision: 4), driver.ActAsync(id, Zavuch, "apply", revision: 4));

        Assert.Single(both, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal("4", await MarkAsync(cell));
        Assert.Equal(1, await RowsAsync(id));
        // A replay of the same key returns the first result and appends nothing.
        var key = Guid.NewGuid().ToString();
        var replay = await driver.ActAsync(id, Zavuch, "apply", revision: 5, key: key);
        var again = await driver.ActAsync(id, Zavuch, "apply", revision: 5, key: key);
        Assert.Equal(replay.StatusCode, again.StatusCode);
        Assert.Equal(await replay.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await RowsAsync(id));
        await using var db = app.Db();
        var change = await db.JournalChanges.SingleAsync(c => c.RequestId == id);
        Assert.Equal(("2", "4", Workflows.Journal.JournalChangeVia.Apply), (change.OldValue, change.NewValue, change.Via));
    }

    [Fact]
    public async Task In_manual_mode_the_zavuch_confirms_old_and_new_values_and_a_confirmation_after_the_window_is_refused()
    {
        // Гимназия № 2 keeps its journal elsewhere: the zavuch changes it there and confirms here.
        const string GTeacher = "teacher@gimn2.demo", GClerk = "clerk@gimn2.demo", GDirector = "director@gimn2.demo", GZavuch = "zavuch@gimn2.demo";
        var clock = new TestClock(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        var host = app.Create(clock: clock);
        var driver = new RequestDriver(app, host) { Viewer = GDirector };
        var schoolId = (await driver.GetAsync((await driver.CreateDraftAsync(GTeacher, schoolName: "МАОУ «Гимназия № 2»", className: "6А")).GetProperty("id").GetGuid())).GetProperty("schoolId").GetGuid();
        var mode = await (await app.ApiAs("admin@gimn2.demo", host: host)).PutAsJsonAsync($"/api/v1/schools/{schoolId}/journal-mode", new { mode = "manual" });
        Assert.Equal(HttpStatusCode.OK, mode.StatusCode);

        async Task<(Guid Id, Guid EntryId)> ApprovedAsync()
        {
            var id = (await driver.CreateDraftAsync(GTeacher, schoolName: "МАОУ «Гимназия № 2»", className: "6А")).GetProperty("id").GetGuid();
            await driver.StepAsync(id, GTeacher, "submit", "submitted");
            await driver.StepAsync(id, GClerk, "register", "registered");
            await driver.StepAsync(id, GDirector, "approve", "unlocked");
            return (id, (await driver.GetAsync(id)).GetProperty("entries")[0].GetProperty("id").GetGuid());
        }

        var (first, entry) = await ApprovedAsync();
        var missing = await driver.ActAsync(first, GZavuch, "apply");
        Assert.StartsWith("Подтвердите каждую запись", (await Problems.AssertProblemAsync(missing, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await RowsAsync(first));
        await driver.StepAsync(first, GZavuch, "apply", "applied", new { confirmations = new[] { new { entryId = entry, oldValue = "2", newValue = "4" } } }, role: "Zavuch");
        await using (var db = app.Db())
        {
            var row = await db.ChangeTableRows.SingleAsync(r => r.RequestId == first);
            Assert.StartsWith("Отметка «2» изменена на «4»; ", row.Description, StringComparison.Ordinal);
            Assert.Equal(SchoolClock.Today("Asia/Kamchatka", clock), row.ChangedOn);
            Assert.False(await db.JournalChanges.AnyAsync(c => c.RequestId == first), "the built-in journal is not touched in manual mode");
        }

        var (second, secondEntry) = await ApprovedAsync();
        clock.Advance(TimeSpan.FromHours(49));
        var late = await new RequestDriver(app, host) { Viewer = GDirector }.ActAsync(second, GZavuch, "apply",
            new { confirmations = new[] { new { entryId = secondEntry, oldValue = "2", newValue = "4" } } });
        Assert.StartsWith("Срок разрешения на изменение истёк ", (await Problems.AssertProblemAsync(late, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await RowsAsync(second));
    }

    [Fact]
    public async Task The_teacher_adds_a_lesson_and_a_work_and_marks_it_the_read_api_shows_it()
    {
        var driver = new RequestDriver(app);
        var teacher = await driver.As(Teacher);
        var today = SchoolClock.Today("Europe/Moscow", TimeProvider.System);
        var probe = await CellAsync(await LockedLessonAsync(0));
        var lessons = $"/api/v1/schools/{probe.SchoolId}/journal/lessons";

        var added = await teacher.PostAsJsonAsync(lessons, new { classId = probe.ClassId, subjectId = probe.SubjectId, date = today.ToString("yyyy-MM-dd"), topic = "Сложноподчинённые предложения", homework = "§ 12" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var lessonId = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var work = await teacher.PostAsJsonAsync($"{lessons}/{lessonId}/works", new { kind = "ControlWork", title = "Диктант" });
        Assert.Equal(HttpStatusCode.Created, work.StatusCode);
        var workId = (await work.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var mark = await teacher.PutAsJsonAsync($"/api/v1/schools/{probe.SchoolId}/journal/marks", new { workId, studentId = probe.StudentId, value = "5" });
        Assert.True(mark.StatusCode == HttpStatusCode.OK, await mark.Content.ReadAsStringAsync());

        var page = await (await driver.As(Director)).GetFromJsonAsync<JsonElement>(
            $"/api/v1/schools/{probe.SchoolId}/journal?classId={probe.ClassId}&subjectId={probe.SubjectId}&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        var lesson = Assert.Single(page.GetProperty("lessons").EnumerateArray(), l => l.GetProperty("id").GetGuid() == lessonId);
        Assert.Equal("Сложноподчинённые предложения", lesson.GetProperty("topic").GetString());
        var dictation = Assert.Single(lesson.GetProperty("works").EnumerateArray(), w => w.GetProperty("id").GetGuid() == workId);
        Assert.Equal("5", Assert.Single(dictation.GetProperty("marks").EnumerateArray()).GetProperty("value").GetString());

        await Problems.AssertFieldErrorAsync(await teacher.PostAsJsonAsync(lessons, new { classId = probe.ClassId, subjectId = probe.SubjectId, date = "2031-01-01" }), "date", "учебного года");
        await Problems.AssertFieldErrorAsync(await teacher.PostAsJsonAsync($"{lessons}/{lessonId}/works", new { kind = "Attendance", title = "x" }), "kind", "Вид работы");
        await Problems.AssertProblemAsync(await (await driver.As(Zavuch)).PostAsJsonAsync(lessons, new { classId = probe.ClassId, subjectId = probe.SubjectId, date = today.ToString("yyyy-MM-dd") }), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await driver.As(Clerk)).GetAsync($"/api/v1/schools/{probe.SchoolId}/journal?classId={probe.ClassId}&subjectId={probe.SubjectId}")).StatusCode);
    }

    [Fact]
    public async Task A_request_naming_the_same_journal_cell_twice_is_refused()
    {
        var driver = new RequestDriver(app);
        var cell = await CellAsync(await LockedLessonAsync(3));
        await using var db = app.Db();
        var groundId = await db.Grounds.Where(g => g.SchoolId == cell.SchoolId && g.Code == "illness").Select(g => g.Id).SingleAsync();
        var entry = new { studentId = cell.StudentId, date = cell.Date.ToString("yyyy-MM-dd"), kind = "CurrentMark", currentValue = "2", requestedValue = "4" };
        var response = await (await driver.As(Teacher)).PostAsJsonAsync($"/api/v1/schools/{cell.SchoolId}/requests", new
        {
            classId = cell.ClassId, subjectId = cell.SubjectId, groundId, justification = "Болел.",
            entries = new[] { entry, entry with { requestedValue = "5" } },
        });
        await Problems.AssertFieldErrorAsync(response, "entries[1].date", "уже есть в заявлении");
    }

    [Fact]
    public async Task With_two_works_on_one_date_the_request_says_which_and_apply_writes_that_one()
    {
        var driver = new RequestDriver(app);
        var cell = await CellAsync(await LockedLessonAsync(4));
        Guid second;
        await using (var db = app.Db())
        {
            var work = new Workflows.Journal.Work { Id = Guid.CreateVersion7(), SchoolId = cell.SchoolId, LessonId = cell.LessonId, Kind = EntryKind.CurrentMark, Title = "Диктант" };
            db.Works.Add(work);
            db.Marks.Add(new Workflows.Journal.Mark { Id = Guid.CreateVersion7(), SchoolId = cell.SchoolId, WorkId = work.Id, StudentId = cell.StudentId, Value = "2" });
            await db.SaveChangesAsync();
            second = work.Id;
        }
        var groundId = await GroundAsync(cell.SchoolId);
        var url = $"/api/v1/schools/{cell.SchoolId}/requests";
        object Body(Guid? workId) => new
        {
            classId = cell.ClassId, subjectId = cell.SubjectId, groundId, justification = "Болел.",
            entries = new[] { new { studentId = cell.StudentId, date = cell.Date.ToString("yyyy-MM-dd"), kind = "CurrentMark", currentValue = "2", requestedValue = "4", workId } },
        };
        var teacher = await driver.As(Teacher);
        await Problems.AssertFieldErrorAsync(await teacher.PostAsJsonAsync(url, Body(null)), "entries[0].workId", "укажите");
        var created = await teacher.PostAsJsonAsync(url, Body(second));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await driver.StepAsync(id, Teacher, "submit", "submitted");
        await driver.StepAsync(id, Clerk, "register", "registered");
        await driver.StepAsync(id, Director, "approve", "unlocked");
        await Problems.AssertProblemAsync(await SetMarkAsync(await driver.As(Zavuch), cell, "4"), HttpStatusCode.Conflict); // the other work is not the one named
        await driver.StepAsync(id, Zavuch, "apply", "applied", role: "Zavuch");
        Assert.Equal("4", await MarkAsync(cell with { WorkId = second }));
        Assert.Equal("2", await MarkAsync(cell));
    }

    private async Task<Guid> GroundAsync(Guid schoolId)
    {
        await using var db = app.Db();
        return await db.Grounds.Where(g => g.SchoolId == schoolId && g.Code == "illness").Select(g => g.Id).SingleAsync();
    }

    [Fact]
    public async Task A_teacher_edits_directly_inside_the_window_and_it_is_in_the_access_report_outside_it_the_refusal_names_the_lock_date()
    {
        var driver = new RequestDriver(app);
        var teacher = await driver.As(Teacher);
        await using var db = app.Db();
        var probe = await CellAsync(await LockedLessonAsync(0)); // for the ids only
        var today = SchoolClock.Today("Europe/Moscow", TimeProvider.System);
        var latest = await db.Lessons.Where(l => l.ClassId == probe.ClassId && l.SubjectId == probe.SubjectId && l.Date <= today).MaxAsync(l => l.Date);
        var open = await CellAsync(latest, student: 2);

        var value = Other(await MarkAsync(open));
        var set = await SetMarkAsync(teacher, open, value);
        Assert.True(set.StatusCode == HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        Assert.Equal(value, await MarkAsync(open));
        var teacherId = await db.Users.Where(u => u.Email == Teacher).Select(u => u.Id).SingleAsync();
        var report = await (await driver.As(Director)).GetFromJsonAsync<JsonElement>(
            $"/api/v1/schools/{open.SchoolId}/journal/access-report?classId={open.ClassId}&subjectId={open.SubjectId}&userId={teacherId}");
        var line = report.EnumerateArray().First();
        var departmentView = await (await driver.As(Department)).GetFromJsonAsync<JsonElement>($"/api/v1/schools/{open.SchoolId}/journal/access-report?userId={teacherId}");
        Assert.Equal(report.GetArrayLength(), departmentView.GetArrayLength()); // the department sees the school's report too
        Assert.Equal(HttpStatusCode.Forbidden, (await (await driver.As(Clerk)).GetAsync($"/api/v1/schools/{open.SchoolId}/journal/access-report")).StatusCode);
        Assert.Equal(("5А", "Русский язык", latest.ToString("yyyy-MM-dd")), (line.GetProperty("class").GetString(), line.GetProperty("subject").GetString(), line.GetProperty("lessonDate").GetString()));
        Assert.Equal(value, line.GetProperty("newValue").GetString());
        Assert.Equal("Direct", line.GetProperty("via").GetString());
        Assert.Contains(line.GetProperty("action").GetString(), new[] { "Выставление отметки", "Изменение отметки" });
        Assert.False(string.IsNullOrEmpty(line.GetProperty("user").GetString()));

        // Ten days back the entry is locked: refused with the date the lock began, unchanged.
        var lockedCell = await CellAsync(await db.Lessons.Where(l => l.ClassId == probe.ClassId && l.SubjectId == probe.SubjectId && l.Date <= today.AddDays(-10)).MaxAsync(l => l.Date), student: 2);
        var status = Assert.IsType<LockStatus.Locked>(LockEvaluator.Evaluate(LockPolicies.Build(LockPreset.KrasnodarLetter2017, null), EntryKind.CurrentMark, lockedCell.Date, null, today));
        var before = await MarkAsync(lockedCell);
        var refused = await Problems.AssertProblemAsync(await SetMarkAsync(teacher, lockedCell, Other(before)), HttpStatusCode.Conflict);
        Assert.Equal($"Запись закрыта для изменений с {status.LockedSince:dd.MM.yyyy}. Изменить её можно только по заявлению с документом, подтверждающим уважительную причину.",
            refused.GetProperty("detail").GetString());
        Assert.Equal(before, await MarkAsync(lockedCell));

        // No marks ahead; not on another teacher's lesson; not a value the journal does not know.
        var future = await CellAsync(await db.Lessons.Where(l => l.ClassId == probe.ClassId && l.SubjectId == probe.SubjectId && l.Date > today).MinAsync(l => l.Date), student: 2);
        var ahead = await Problems.AssertProblemAsync(await SetMarkAsync(teacher, future, "5"), HttpStatusCode.Conflict);
        Assert.StartsWith("Отметки «вперёд» не выставляются", ahead.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var maths = await CellAsync(await db.Lessons.Where(l => l.ClassId == probe.ClassId && l.Date <= today).MaxAsync(l => l.Date), subject: "Математика", student: 2);
        var notMine = await Problems.AssertProblemAsync(await SetMarkAsync(teacher, maths, Other(await MarkAsync(maths))), HttpStatusCode.Conflict);
        Assert.Equal("Этот урок ведёт другой учитель: изменить запись может только он.", notMine.GetProperty("detail").GetString());
        await Problems.AssertFieldErrorAsync(await SetMarkAsync(teacher, open, "6"), "value", "1–5");
        await Problems.AssertFieldErrorAsync(await teacher.PutAsJsonAsync($"/api/v1/schools/{open.SchoolId}/journal/marks", new { workId = open.WorkId, studentId = open.StudentId }), "value", "Обязательное поле");
    }
}

public sealed class JournalTests_OnPostgres(PostgresApp app) : JournalTests<PostgresApp>(app);

public sealed class JournalTests_OnSqlite(SqliteApp app) : JournalTests<SqliteApp>(app);
