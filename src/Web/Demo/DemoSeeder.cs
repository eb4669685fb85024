using Corrections.Web.Features.SchoolYears;
using Corrections.Workflows.Corrections;
using Corrections.Workflows.Records;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Organisation;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Demo;

/// <summary>
/// Seeds the demo municipality: two schools in two time zones, the current school year with its
/// periods, classes with students, subjects, teaching assignments and one account per role per
/// school. Runs only in demo mode, which Production refuses.
/// </summary>
public sealed class DemoSeeder(CorrectionsDbContext db, UserManager<AppUser> users, TimeProvider clock, IStringLocalizer<SharedResource> t, ILogger<DemoSeeder> log)
{
    /// <summary>Printed at start-up and in the README; production refuses to start while an account still has it.</summary>
    public const string Password = "Demo-Parol-2026";

    public const string MunicipalityName = "Демонстрационный городской округ";
    private const string MunicipalityKey = "okrug";

    internal static readonly DemoSchool[] Schools =
    [
        new("sosh1",
            "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»",
            "МБОУ СОШ № 1", "350000, г. Демоград, ул. Школьная, д. 1", "+7 (861) 200-00-01", "sosh1@okrug.demo",
            "2308004562", "230801001", "1022308004564", "Europe/Moscow", PeriodKind.Quarters,
            [("Смирнова", "Ольга", "Викторовна"), ("Кузнецова", "Елена", "Николаевна"), ("Морозов", "Андрей", "Павлович"),
             ("Васильева", "Татьяна", "Игоревна"), ("Новиков", "Дмитрий", "Сергеевич")]),
        new("gimn2",
            "Муниципальное автономное общеобразовательное учреждение «Гимназия № 2»",
            "МАОУ «Гимназия № 2»", "683000, г. Демоград-Камчатский, пр. Океанский, д. 2", "+7 (4152) 20-00-02", "gimn2@okrug.demo",
            "4101001230", "410101001", "1024101001231", "Asia/Kamchatka", PeriodKind.Trimesters,
            [("Лебедева", "Наталья", "Александровна"), ("Орлова", "Ирина", "Владимировна"), ("Соколов", "Виктор", "Михайлович"),
             ("Егорова", "Светлана", "Олеговна"), ("Павлов", "Алексей", "Андреевич")]),
    ];

    // Staff order in DemoSchool.Staff; the zavuch also teaches, as zavuchs usually do.
    private static readonly Role[][] StaffRoles = [[Role.Teacher], [Role.Zavuch, Role.Teacher], [Role.Director], [Role.Clerk], [Role.Admin]];
    private static readonly string[] StaffLogins = ["teacher", "zavuch", "director", "clerk", "admin"];

    /// <summary>Every demo login, in the order printed.</summary>
    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        .. Schools.SelectMany(s => s.Staff.Select((p, i) =>
            new DemoAccount($"{StaffLogins[i]}@{s.Key}.demo", p.Surname, p.GivenName, p.Patronymic, s.ShortName, StaffRoles[i]))),
        new($"department@{MunicipalityKey}.demo", "Зайцева", "Марина", "Евгеньевна", MunicipalityName, [Role.DepartmentOfficer]),
        new($"admin@{MunicipalityKey}.demo", "Григорьев", "Павел", "Николаевич", MunicipalityName, [Role.Admin]),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Municipalities.AnyAsync(m => m.Name == MunicipalityName, ct))
        {
            log.LogInformation("Demo data already present");
            return;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var municipality = new Municipality
        {
            Id = Guid.CreateVersion7(),
            Name = MunicipalityName,
            DepartmentName = "Управление образования администрации Демонстрационного городского округа",
            DepartmentAddress = "350000, г. Демоград, ул. Центральная, д. 10",
            DepartmentEmail = "uo@okrug.demo",
        };
        db.Municipalities.Add(municipality);

        var schoolIds = new Dictionary<string, Guid>();
        var random = new Random(2026);
        foreach (var demo in Schools)
        {
            var school = new School
            {
                Id = Guid.CreateVersion7(), MunicipalityId = municipality.Id, FullName = demo.FullName, ShortName = demo.ShortName,
                Address = demo.Address, Phone = demo.Phone, Email = demo.Email, Inn = demo.Inn, Kpp = demo.Kpp, Ogrn = demo.Ogrn,
                TimeZoneId = demo.TimeZoneId,
            };
            db.Schools.Add(school);
            db.Grounds.AddRange(DefaultGrounds.For(school.Id));
            db.CaseFiles.AddRange(DefaultCases.For(school.Id, Workflows.Locking.SchoolClock.Today(school.TimeZoneId, clock).Year));
            db.Numerators.AddRange(Numerator.Defaults(school.Id));
            schoolIds[demo.ShortName] = school.Id;
            var year = CurrentYear(school, demo.PeriodKind);
            db.SchoolYears.Add(year);
            AddClassesAndSubjects(school.Id, year.Id, demo.Key == "sosh1" ? [5, 7, 9] : [6, 8, 10], random);
        }
        await db.SaveChangesAsync(ct);

        foreach (var account in Accounts)
        {
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(), UserName = account.Email, Email = account.Email, EmailConfirmed = true,
                Surname = account.Surname, GivenName = account.GivenName, Patronymic = account.Patronymic, IsDemo = true,
            };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded) throw new InvalidOperationException($"Demo account {account.Email}: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            var schoolId = schoolIds.TryGetValue(account.Where, out var s) ? s : (Guid?)null;
            db.RoleAssignments.AddRange(account.Roles.Select(role => new RoleAssignment
            {
                Id = Guid.CreateVersion7(), UserId = user.Id, Role = role,
                SchoolId = schoolId, MunicipalityId = schoolId is null ? municipality.Id : null,
            }));
        }
        await db.SaveChangesAsync(ct);
        AssignTeachers(schoolIds);
        await db.SaveChangesAsync(ct);
        FillJournal(random);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Demo data seeded: {Schools} schools, {Accounts} accounts", Schools.Length, Accounts.Count);
    }

    /// <summary>The school year running today in the school's own time zone, with its periods.</summary>
    private SchoolYear CurrentYear(School school, PeriodKind kind)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(school.TimeZoneId);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var y = today.Month >= 7 ? today.Year : today.Year - 1;
        (DateOnly, DateOnly)[] dates = kind switch
        {
            PeriodKind.Quarters => [(new(y, 9, 1), new(y, 10, 24)), (new(y, 11, 3), new(y, 12, 28)), (new(y + 1, 1, 12), new(y + 1, 3, 21)), (new(y + 1, 3, 30), new(y + 1, 5, 26))],
            PeriodKind.Trimesters => [(new(y, 9, 1), new(y, 11, 30)), (new(y, 12, 1), new DateOnly(y + 1, 3, 1).AddDays(-1)), (new(y + 1, 3, 1), new(y + 1, 5, 31))],
            _ => [(new(y, 9, 1), new(y, 12, 28)), (new(y + 1, 1, 12), new(y + 1, 5, 31))],
        };
        var year = new SchoolYear { Id = Guid.CreateVersion7(), SchoolId = school.Id, Name = $"{y}/{y + 1}", StartDate = new(y, 9, 1), EndDate = new(y + 1, 5, 31), PeriodKind = kind };
        year.Periods.AddRange(dates.Select((d, i) => new StudyPeriod
        {
            Id = Guid.CreateVersion7(), SchoolId = school.Id, SchoolYearId = year.Id, Number = i + 1,
            Name = CreateSchoolYear.DefaultPeriodName(t, kind, i + 1), StartDate = d.Item1, EndDate = d.Item2,
        }));
        return year;
    }

    private static readonly string[] LanguageSubjects = ["Русский язык", "Литература", "Английский язык", "История"];
    private static readonly string[] ScienceSubjects = ["Математика", "Алгебра", "Геометрия", "Биология", "Физическая культура"];

    private void AddClassesAndSubjects(Guid schoolId, Guid yearId, int[] grades, Random random)
    {
        foreach (var name in LanguageSubjects.Concat(ScienceSubjects))
            db.Subjects.Add(new Subject { Id = Guid.CreateVersion7(), SchoolId = schoolId, Name = name });
        var letters = new[] { "А", "Б", "В" };
        for (var i = 0; i < grades.Length; i++)
        {
            var schoolClass = new SchoolClass { Id = Guid.CreateVersion7(), SchoolId = schoolId, SchoolYearId = yearId, Grade = grades[i], Letter = letters[i], Name = $"{grades[i]}{letters[i]}" };
            db.Classes.Add(schoolClass);
            foreach (var (surname, givenName, patronymic) in DemoNames.Class(random, 12))
                db.Students.Add(new Student { Id = Guid.CreateVersion7(), SchoolId = schoolId, ClassId = schoolClass.Id, Surname = surname, GivenName = givenName, Patronymic = patronymic });
        }
    }

    /// <summary>
    /// The built-in journal of the last three weeks and the next week, weekdays, for every teaching
    /// assignment: a lesson with a current-mark work, a few marks and an absence on past lessons
    /// (the first student of each class by surname has a «2» on every one: the story of the demo
    /// requests), and period marks for periods already over. Most of it is locked already.
    /// </summary>
    private void FillJournal(Random random)
    {
        var topics = new[] { "Повторение изученного", "Новая тема", "Практикум", "Самостоятельная работа", "Обобщение" };
        foreach (var school in db.Schools.Local)
        {
            var today = Workflows.Locking.SchoolClock.Today(school.TimeZoneId, clock);
            var year = db.SchoolYears.Local.Single(y => y.SchoolId == school.Id);
            var students = db.Students.Local.Where(s => s.SchoolId == school.Id).GroupBy(s => s.ClassId)
                .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Surname).ThenBy(s => s.GivenName).ToList());
            foreach (var assignment in db.TeachingAssignments.Local.Where(a => a.SchoolId == school.Id))
            {
                var pupils = students[assignment.ClassId];
                for (var date = today.AddDays(-21); date <= today.AddDays(7); date = date.AddDays(1))
                {
                    if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || date < year.StartDate || date > year.EndDate) continue;
                    var lesson = new Workflows.Journal.Lesson
                    {
                        Id = Guid.CreateVersion7(), SchoolId = school.Id, ClassId = assignment.ClassId, SubjectId = assignment.SubjectId, TeacherId = assignment.TeacherId,
                        Date = date, Topic = topics[random.Next(topics.Length)], Homework = date > today ? null : $"§ {random.Next(1, 30)}, упр. {random.Next(1, 200)}",
                    };
                    var work = new Workflows.Journal.Work { Id = Guid.CreateVersion7(), SchoolId = school.Id, LessonId = lesson.Id, Kind = Workflows.Locking.EntryKind.CurrentMark, Title = "Работа на уроке" };
                    db.AddRange(lesson, work);
                    if (date > today) continue; // no marks ahead
                    db.Add(new Workflows.Journal.Mark { Id = Guid.CreateVersion7(), SchoolId = school.Id, WorkId = work.Id, StudentId = pupils[0].Id, Value = "2" });
                    foreach (var pupil in pupils.Skip(1).OrderBy(_ => random.Next()).Take(3))
                        db.Add(new Workflows.Journal.Mark { Id = Guid.CreateVersion7(), SchoolId = school.Id, WorkId = work.Id, StudentId = pupil.Id, Value = random.Next(3, 6).ToString(System.Globalization.CultureInfo.InvariantCulture) });
                    db.Add(new Workflows.Journal.AttendanceMark { Id = Guid.CreateVersion7(), SchoolId = school.Id, LessonId = lesson.Id, StudentId = pupils[^1].Id, Code = "н" });
                }
                foreach (var period in year.Periods.Where(p => p.EndDate < today))
                    foreach (var pupil in pupils)
                        db.Add(new Workflows.Journal.PeriodMark
                        {
                            Id = Guid.CreateVersion7(), SchoolId = school.Id, ClassId = assignment.ClassId, SubjectId = assignment.SubjectId, StudyPeriodId = period.Id,
                            StudentId = pupil.Id, Value = pupil == pupils[0] ? "3" : random.Next(3, 6).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        });
            }
        }
    }

    /// <summary>The school's teacher takes the humanities, the zavuch the sciences; maths splits into algebra and geometry from grade 7.</summary>
    private void AssignTeachers(Dictionary<string, Guid> schoolIds)
    {
        foreach (var demo in Schools)
        {
            var schoolId = schoolIds[demo.ShortName];
            var teacher = db.Users.Local.Single(u => u.Email == $"teacher@{demo.Key}.demo");
            var zavuch = db.Users.Local.Single(u => u.Email == $"zavuch@{demo.Key}.demo");
            var subjects = db.Subjects.Local.Where(s => s.SchoolId == schoolId).ToDictionary(s => s.Name);
            foreach (var schoolClass in db.Classes.Local.Where(c => c.SchoolId == schoolId))
            {
                var sciences = schoolClass.Grade >= 7 ? ScienceSubjects.Where(s => s != "Математика") : ScienceSubjects.Where(s => s is not ("Алгебра" or "Геометрия"));
                foreach (var (teacherId, names) in new[] { (teacher.Id, LanguageSubjects.AsEnumerable()), (zavuch.Id, sciences) })
                    foreach (var name in names)
                        db.TeachingAssignments.Add(new TeachingAssignment { Id = Guid.CreateVersion7(), SchoolId = schoolId, TeacherId = teacherId, ClassId = schoolClass.Id, SubjectId = subjects[name].Id });
            }
        }
    }
}
