using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Corrections.Workflows.Access;
using Corrections.Workflows.Corrections;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Persistence;
using Corrections.Workflows.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Corrections.Bench;

public sealed record SeedResult(int Requests, int DirectorTasks, int Overdue, int Rows, TimeSpan Elapsed);

/// <summary>
/// Adds correction requests to one demo school, as the engine would have left them: the request and
/// its entries, the instance, its open tasks, the history trail and the registration card. Four in
/// five wait for the director's decision (due dates spread so that about a quarter are overdue); the
/// rest wait for the clerk's registration or are finished (filed, rejected) and have no task for the
/// director, so the inbox must filter. Reads the school, its staff, classes and numerator from what
/// the app's demo seeder wrote; writes with COPY in one transaction.
/// </summary>
public static class InboxSeed
{
    /// <summary>The demo school and logins of <c>src/Web/Demo/DemoSeeder.cs</c>.</summary>
    public const string SchoolName = "МБОУ СОШ № 1";
    public const string Director = "director@sosh1.demo";
    private const string Clerk = "clerk@sosh1.demo";
    private const string Zavuch = "zavuch@sosh1.demo";

    private const string Definition = "correction-request";
    private static readonly string[] Reasons = ["Болезнь, справка приложена", "Пересдача по уважительной причине", "Техническая ошибка учителя при выставлении отметки", "Отметка выставлена не тому обучающемуся"];

    private enum Fate { Registered, Submitted, Filed, Rejected }

    public static async Task<SeedResult> RunAsync(string connectionString, int count, DateTimeOffset now)
    {
        var watch = Stopwatch.StartNew();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = connectionString,
        }).Build();
        await using var provider = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System)
            .AddCorrectionsPersistence(configuration, Path.GetTempPath()).BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScopeHolder>().Current = AccessScope.System;
        var db = scope.ServiceProvider.GetRequiredService<CorrectionsDbContext>();

        var school = await db.Schools.AsNoTracking().SingleAsync(s => s.ShortName == SchoolName);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(school.TimeZoneId);
        var staff = await db.Users.AsNoTracking().Where(u => u.Email == Director || u.Email == Clerk || u.Email == Zavuch)
            .ToDictionaryAsync(u => u.Email!, u => u.Id);
        var names = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Surname + " " + u.GivenName + (u.Patronymic == null ? "" : " " + u.Patronymic));
        var teaching = await (from a in db.TeachingAssignments.AsNoTracking()
                              where a.SchoolId == school.Id
                              join c in db.Classes on a.ClassId equals c.Id
                              join s in db.Subjects on a.SubjectId equals s.Id
                              select new { a.TeacherId, a.ClassId, a.SubjectId, ClassName = c.Name, SubjectName = s.Name }).ToListAsync();
        var students = (await db.Students.AsNoTracking().Where(s => s.SchoolId == school.Id).Select(s => new { s.Id, s.ClassId }).ToListAsync())
            .GroupBy(s => s.ClassId).ToDictionary(g => g.Key, g => g.Select(s => s.Id).ToArray());
        var grounds = await db.Grounds.AsNoTracking().Where(g => g.SchoolId == school.Id).Select(g => g.Id).ToListAsync();
        var numerator = await db.Numerators.AsNoTracking().SingleAsync(n => n.SchoolId == school.Id && n.Kind == DocumentKind.IncomingRequest);
        var cases = await db.CaseFiles.AsNoTracking().Where(c => c.SchoolId == school.Id && c.Index == numerator.CaseIndex).ToDictionaryAsync(c => c.Year, c => c.Id);
        var version = await db.StoredDefinitions.AsNoTracking().Where(d => d.DefinitionId == Definition)
            .OrderByDescending(d => d.StoredAt).Select(d => d.Version).FirstAsync();
        if (teaching.Count == 0 || grounds.Count == 0) throw new InvalidOperationException($"The demo school {SchoolName} has no teaching assignments or grounds: was the demo seeded?");

        var random = new Random(10_000);
        DateTimeOffset Before(DateTimeOffset at, double minHours, double maxHours) => at.AddHours(-(minHours + random.NextDouble() * (maxHours - minHours)));
        DateOnly Local(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        static string Hash(Guid id) => Convert.ToHexStringLower(SHA256.HashData(id.ToByteArray()));

        var instances = new List<WorkflowInstance>(count);
        var requests = new List<CorrectionRequest>(count);
        var entries = new List<CorrectionEntry>(count * 3 / 2);
        var waits = new List<WorkflowWait>(count);
        var history = new List<WorkflowHistoryEntry>(count * 4);
        var cards = new List<(RegisteredDocument Card, DateTimeOffset At, Fate Fate, DateTimeOffset? FiledAt)>(count);
        int directorTasks = 0, overdue = 0;
        for (var i = 0; i < count; i++)
        {
            var fate = (i % 20) switch { < 16 => Fate.Registered, 16 => Fate.Submitted, < 19 => Fate.Filed, _ => Fate.Rejected };
            var lesson = teaching[random.Next(teaching.Count)];
            var initiator = lesson.TeacherId;

            // Times backwards from the step the request now waits at.
            DateTimeOffset? directorDue = null, clerkDue = null, decidedAt = null;
            DateTimeOffset submittedAt, registeredAt = default;
            switch (fate)
            {
                case Fate.Registered:
                    // Three working days to decide: due between ten days ago and thirty days ahead.
                    directorDue = now.AddHours(-240 + random.NextDouble() * 960);
                    registeredAt = Before(directorDue.Value, 72, 120);
                    submittedAt = Before(registeredAt, 1, 30);
                    break;
                case Fate.Submitted:
                    submittedAt = Before(now, 0, 72);
                    clerkDue = submittedAt.AddHours(24);
                    break;
                default:
                    decidedAt = Before(now, 48, 24 * 120);
                    registeredAt = Before(decidedAt.Value, 2, 72);
                    submittedAt = Before(registeredAt, 1, 30);
                    break;
            }
            var createdAt = Before(submittedAt, 0.2, 24);
            var id = Guid.CreateVersion7(createdAt);

            var request = new CorrectionRequest
            {
                Id = id, SchoolId = school.Id, InitiatorId = initiator, ClassId = lesson.ClassId, SubjectId = lesson.SubjectId,
                SubjectTeacherId = lesson.TeacherId, GroundId = grounds[random.Next(grounds.Count)], Justification = Reasons[random.Next(Reasons.Length)],
                CreatedAt = createdAt,
            };
            var pupils = students[lesson.ClassId];
            for (var e = 0; e < 1 + random.Next(2); e++)
                entries.Add(new CorrectionEntry
                {
                    Id = Guid.CreateVersion7(createdAt), SchoolId = school.Id, RequestId = id, StudentId = pupils[random.Next(pupils.Length)],
                    Date = Local(createdAt).AddDays(-1 - random.Next(14)), Kind = EntryKind.CurrentMark, CurrentValue = "2",
                    RequestedValue = random.Next(3, 6).ToString(CultureInfo.InvariantCulture),
                });
            requests.Add(request);

            var trail = new List<WorkflowHistoryEntry>();
            void Step(DateTimeOffset at, Guid actor, string role, string action, string? from, string to, string? comment = null, bool payload = false)
                => trail.Add(new WorkflowHistoryEntry
                {
                    Id = Guid.CreateVersion7(at), SchoolId = school.Id, InstanceId = id, Revision = trail.Count + 1, At = at, ActorId = actor, ActorRole = role,
                    Action = action, FromState = from, ToState = to, Comment = comment, PayloadHash = payload ? Hash(Guid.NewGuid()) : null,
                });
            Step(createdAt, initiator, WorkflowEngine.InitiatorRole, "create", null, "draft");
            Step(submittedAt, initiator, WorkflowEngine.InitiatorRole, "submit", "draft", "submitted");
            if (fate != Fate.Submitted) Step(registeredAt, staff[Clerk], "Clerk", "register", "submitted", "registered", payload: true);
            if (fate == Fate.Rejected) Step(decidedAt!.Value, staff[Director], "Director", "reject", "registered", "rejected", "Основание не подтверждено документами");
            if (fate == Fate.Filed)
            {
                Step(decidedAt!.Value, staff[Director], "Director", "approve", "registered", "unlocked");
                Step(decidedAt.Value.AddHours(3), staff[Zavuch], "Zavuch", "apply", "unlocked", "applied");
                Step(decidedAt.Value.AddHours(27), staff[Clerk], "Clerk", "file", "applied", "filed");
            }
            history.AddRange(trail);
            instances.Add(new WorkflowInstance
            {
                Id = id, SchoolId = school.Id, DefinitionId = Definition, DefinitionVersion = version, State = trail[^1].ToState,
                Revision = trail.Count, InitiatorId = initiator, CreatedAt = createdAt, UpdatedAt = trail[^1].At,
            });

            if (directorDue is { } due)
            {
                waits.Add(new WorkflowWait
                {
                    Id = Guid.CreateVersion7(registeredAt), SchoolId = school.Id, InstanceId = id, Kind = WaitKind.Task, State = "registered",
                    Name = "Director", Title = "Принять решение по заявлению", DueAt = due, Token = Guid.NewGuid(), CreatedAt = registeredAt,
                });
                directorTasks++;
                if (due < now) overdue++;
            }
            if (clerkDue is { } clerkAt)
                waits.Add(new WorkflowWait
                {
                    Id = Guid.CreateVersion7(submittedAt), SchoolId = school.Id, InstanceId = id, Kind = WaitKind.Task, State = "submitted",
                    Name = "Clerk", Title = "Зарегистрировать заявление", DueAt = clerkAt, Token = Guid.NewGuid(), CreatedAt = submittedAt,
                });
            if (fate != Fate.Submitted)
            {
                var registeredOn = Local(registeredAt);
                cards.Add((new RegisteredDocument
                {
                    Id = Guid.CreateVersion7(registeredAt), SchoolId = school.Id, Kind = DocumentKind.IncomingRequest, RequestId = id,
                    Number = "", Year = registeredOn.Year, RegisteredOn = registeredOn, ReceivedOn = registeredOn, Author = names[initiator],
                    Addressee = $"Директору {school.ShortName}", Summary = $"О внесении изменений в электронный журнал: {lesson.ClassName}, {lesson.SubjectName}",
                    Sheets = 1, CaseIndex = numerator.CaseIndex, OnControl = fate == Fate.Registered, AccessRestriction = "Содержит персональные данные",
                    RegisteredById = staff[Clerk],
                }, registeredAt, fate, fate == Fate.Filed ? decidedAt!.Value.AddHours(27) : null));
            }
        }

        // Numbers in order of registration, one sequence per calendar year, as the numerator gives them.
        var lastByYear = new Dictionary<int, int>();
        foreach (var (card, _, _, filedAt) in cards.OrderBy(c => c.At))
        {
            card.Sequence = lastByYear[card.Year] = lastByYear.GetValueOrDefault(card.Year) + 1;
            card.Number = numerator.Render(card.Sequence, card.Year);
            if (filedAt is { } at && cases.TryGetValue(card.Year, out var caseId))
            {
                card.FiledCaseId = caseId;
                card.FiledOn = Local(at);
                card.FilingMark = $"В дело № {numerator.CaseIndex} от {card.FiledOn:dd.MM.yyyy}";
            }
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var rows = await BulkCopy.WriteAsync(db, connection, instances)
            + await BulkCopy.WriteAsync(db, connection, requests)
            + await BulkCopy.WriteAsync(db, connection, entries)
            + await BulkCopy.WriteAsync(db, connection, waits)
            + await BulkCopy.WriteAsync(db, connection, history)
            + await BulkCopy.WriteAsync(db, connection, cards.Select(c => c.Card).ToList());
        // The next registration continues the numbers given here.
        foreach (var (year, last) in lastByYear)
        {
            await using var sequence = new NpgsqlCommand("""
                INSERT INTO "NumberSequences" ("SchoolId", "Kind", "Year", "Last") VALUES (@school, @kind, @year, @last)
                ON CONFLICT ("SchoolId", "Kind", "Year") DO UPDATE SET "Last" = GREATEST("NumberSequences"."Last", EXCLUDED."Last")
                """, connection, tx);
            sequence.Parameters.AddWithValue("school", school.Id);
            sequence.Parameters.AddWithValue("kind", nameof(DocumentKind.IncomingRequest));
            sequence.Parameters.AddWithValue("year", year);
            sequence.Parameters.AddWithValue("last", last);
            await sequence.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
        // Fresh statistics, as autovacuum would have them on a database that grew to this size.
        await using (var analyze = new NpgsqlCommand("ANALYZE", connection)) await analyze.ExecuteNonQueryAsync();
        return new SeedResult(count, directorTasks, overdue, rows, watch.Elapsed);
    }
}
