using System.Text.Json;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Workflows.Records;

/// <summary>What the clerk fills in at registration; everything else of the card is derived.</summary>
public sealed record RegistrationCard(int Sheets, int AttachmentsCount, int AttachmentsSheets, string? Summary, DateOnly? ReceivedOn)
{
    /// <summary>The card from the step's payload, or the resource key of what is wrong with it.</summary>
    public static (RegistrationCard? Card, string? Problem) Parse(JsonElement? payload)
    {
        var p = payload is { ValueKind: JsonValueKind.Object } o ? o : default;
        int? Int(string name) => p.ValueKind == JsonValueKind.Object && p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;
        string? Text(string name) => p.ValueKind == JsonValueKind.Object && p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()?.Trim() : null;

        var sheets = Int("sheets") ?? 1;
        var count = Int("attachmentsCount") ?? 0;
        var attachmentSheets = Int("attachmentsSheets") ?? 0;
        if (sheets is < 1 or > 500) return (null, "Registration.Sheets");
        if (count is < 0 or > 100 || attachmentSheets is < 0 or > 1000 || (count == 0) != (attachmentSheets == 0)) return (null, "Registration.Attachments");
        var summary = Text("summary");
        if (summary?.Length > 1000) return (null, "Registration.Summary");
        DateOnly? received = null;
        if (Text("receivedOn") is { Length: > 0 } date)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", out var d)) return (null, "Registration.ReceivedOn");
            received = d;
        }
        return (new RegistrationCard(sheets, count, attachmentSheets, string.IsNullOrEmpty(summary) ? null : summary, received), null);
    }
}

/// <summary>«registration-card»: the clerk's card is complete and plausible (received no later than today, not before the request).</summary>
public sealed class RegistrationCardGuard(TimeProvider clock) : IWorkflowGuard
{
    public string Name => "registration-card";

    public async Task<GuardResult> CheckAsync(StepContext step, CancellationToken ct)
    {
        var (card, problem) = RegistrationCard.Parse(step.Payload);
        if (problem is not null) return GuardResult.Refuse(problem);
        if (card!.ReceivedOn is { } received)
        {
            var zone = (await step.SchoolAsync(ct)).TimeZoneId;
            var today = SchoolClock.Today(zone, clock);
            var filed = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(step.Instance.CreatedAt, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
            if (received > today || received < filed) return GuardResult.Refuse("Registration.ReceivedOnRange", filed.ToString("dd.MM.yyyy"), today.ToString("dd.MM.yyyy"));
        }
        return GuardResult.Pass;
    }
}

/// <summary>
/// «register-document»: gives the request its registration number and date and stores its card, in
/// the step's transaction. The number comes from the school's sequence for the kind and the local
/// calendar year; taking it inside the transaction keeps the numbering gap-free (a rolled-back step
/// gives its number back) and unique (the sequence row is locked until the step commits).
/// </summary>
public sealed class RegisterDocumentEffect : IWorkflowEffect
{
    public string Name => "register-document";

    public async Task RunAsync(StepContext step, CancellationToken ct)
    {
        var db = step.Db;
        var (card, _) = RegistrationCard.Parse(step.Payload);
        var school = await step.SchoolAsync(ct);
        // One round trip for the request and the names the card shows.
        var request = await db.CorrectionRequests.AsNoTracking().Where(r => r.Id == step.Instance.Id)
            .Select(r => new
            {
                r.Id, r.SchoolId,
                Author = db.Users.Where(u => u.Id == r.InitiatorId).Select(u => u.Surname + " " + u.GivenName + (u.Patronymic == null ? "" : " " + u.Patronymic)).FirstOrDefault(),
                ClassName = db.Classes.Where(c => c.Id == r.ClassId).Select(c => c.Name).FirstOrDefault(),
                Subject = db.Subjects.Where(s => s.Id == r.SubjectId).Select(s => s.Name).FirstOrDefault(),
                Numerator = db.Numerators.FirstOrDefault(n => n.SchoolId == r.SchoolId && n.Kind == DocumentKind.IncomingRequest),
            })
            .SingleAsync(ct);
        if (request.Author is null || request.ClassName is null || request.Subject is null)
            throw new InvalidOperationException($"Request {request.Id} names an author, class or subject that cannot be read.");
        var today = SchoolClock.DateAt(school.TimeZoneId, step.Now);
        // The numerator came with the request's names; the number is taken as every kind's is.
        var numerator = request.Numerator ?? Numerator.Defaults(school.Id).First(n => n.Kind == DocumentKind.IncomingRequest);
        var sequence = await NumberAllocator.NextAsync(db, school.Id, DocumentKind.IncomingRequest, today.Year, ct);
        var number = new AssignedNumber(numerator.Render(sequence, today.Year), today.Year, sequence, numerator.CaseIndex);
        var (author, className, subject) = (request.Author, request.ClassName, request.Subject);
        db.RegisteredDocuments.Add(new RegisteredDocument
        {
            Id = Guid.CreateVersion7(), SchoolId = school.Id, Kind = DocumentKind.IncomingRequest, RequestId = request.Id,
            Number = number.Text, Year = number.Year, Sequence = number.Sequence, RegisteredOn = today,
            ReceivedOn = card?.ReceivedOn ?? today, Author = author, Addressee = $"Директору {school.ShortName}",
            Summary = card?.Summary ?? $"О внесении изменений в электронный журнал: {className}, {subject}",
            Sheets = card?.Sheets ?? 1, AttachmentsCount = card?.AttachmentsCount ?? 0, AttachmentsSheets = card?.AttachmentsSheets ?? 0,
            CaseIndex = number.CaseIndex, OnControl = true, AccessRestriction = "Содержит персональные данные",
            RegisteredById = step.Actor?.UserId ?? Guid.Empty,
        });
    }
}

/// <summary>A registration number as given: its text, the sequence it came from, and the case its kind goes to.</summary>
public sealed record AssignedNumber(string Text, int Year, int Sequence, string CaseIndex);

/// <summary>Next number of a school's sequence for a kind and year: one atomic upsert that returns the new value.</summary>
public static class NumberAllocator
{
    /// <summary>The next registration number of <paramref name="kind"/> by the school's numerator, for the calendar year of <paramref name="today"/>.</summary>
    public static async Task<AssignedNumber> AssignAsync(CorrectionsDbContext db, Guid schoolId, DocumentKind kind, DateOnly today, CancellationToken ct)
    {
        var numerator = await db.Numerators.AsNoTracking().SingleOrDefaultAsync(n => n.SchoolId == schoolId && n.Kind == kind, ct)
            ?? Numerator.Defaults(schoolId).First(n => n.Kind == kind);
        var sequence = await NextAsync(db, schoolId, kind, today.Year, ct);
        return new AssignedNumber(numerator.Render(sequence, today.Year), today.Year, sequence, numerator.CaseIndex);
    }

    public static async Task<int> NextAsync(CorrectionsDbContext db, Guid schoolId, DocumentKind kind, int year, CancellationToken ct)
    {
        // Both PostgreSQL and SQLite (3.35+) take this upsert; the row it touches stays locked
        // (PostgreSQL) or the database stays reserved (SQLite) until the step's transaction ends.
        var kindText = kind.ToString();
        var values = await db.Database.SqlQuery<int>($"""
            INSERT INTO "NumberSequences" ("SchoolId", "Kind", "Year", "Last") VALUES ({schoolId}, {kindText}, {year}, 1)
            ON CONFLICT ("SchoolId", "Kind", "Year") DO UPDATE SET "Last" = "NumberSequences"."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct);
        return values.Single();
    }
}
