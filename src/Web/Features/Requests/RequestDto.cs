using Corrections.Documents.Text;
using Corrections.Workflows.Corrections;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Features.Requests;

public sealed record EntryDto(Guid Id, Guid StudentId, string StudentName, DateOnly Date, EntryKind Kind, Guid? StudyPeriodId, string CurrentValue, string RequestedValue);

public sealed record HistoryDto(int Revision, DateTimeOffset At, Guid? ActorId, string? ActorName, string? ActorRole, string Action, string? FromState, string ToState, string? Comment, string? PayloadHash);

public sealed record AttachmentSlotDto(string DocumentType, bool Required, bool Provided);

/// <summary>The time-boxed unlock of the journal: until when (also in the school's local time), and whether it was revoked.</summary>
/// <summary>The last failed «apply» through an external journal, while the request is still waiting for it.</summary>
public sealed record ApplyFailureDto(DateTimeOffset At, string Code, string Message);

public sealed record UnlockDto(DateTimeOffset GrantedAt, DateTimeOffset ExpiresAt, string ExpiresAtLocal, DateTimeOffset? RevokedAt, string? RevokedBecause);

public sealed record RequestDto(
    Guid Id, Guid SchoolId, string State, string StateTitle, int Revision, Guid InitiatorId, string InitiatorName,
    Guid ClassId, string ClassName, Guid SubjectId, string SubjectName, Guid SubjectTeacherId, string SubjectTeacherName,
    Guid? GroundId, string? GroundTitle, string? Justification, string? ProtocolNumber, DateOnly? ProtocolDate,
    DateTimeOffset CreatedAt, string? RegistrationNumber, DateOnly? RegisteredOn, IReadOnlyList<EntryDto> Entries, IReadOnlyList<AttachmentSlotDto> Attachments, UnlockDto? Unlock, ApplyFailureDto? ApplyFailure, IReadOnlyList<HistoryDto>? History);

public static class RequestDtos
{
    /// <summary>The request with names resolved; the history only when asked (the list pages do not need it).</summary>
    public static async Task<RequestDto> BuildAsync(CorrectionsDbContext db, DefinitionRegistry definitions, CorrectionRequest r, WorkflowInstance i, bool withHistory, CancellationToken ct,
        Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>? t = null)
    {
        var definition = await definitions.GetAsync(i.DefinitionId, i.DefinitionVersion, db, ct);
        var userIds = new[] { r.InitiatorId, r.SubjectTeacherId };
        var history = withHistory ? await db.WorkflowHistory.AsNoTracking().Where(h => h.InstanceId == i.Id).OrderBy(h => h.Revision).ThenBy(h => h.At).ToListAsync(ct) : [];
        var actorIds = userIds.Concat(history.Where(h => h.ActorId != null).Select(h => h.ActorId!.Value)).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => PersonName.WithInitials(u.Surname, u.GivenName, u.Patronymic), ct);
        var className = await db.Classes.Where(c => c.Id == r.ClassId).Select(c => c.Name).SingleAsync(ct);
        var subjectName = await db.Subjects.Where(s => s.Id == r.SubjectId).Select(s => s.Name).SingleAsync(ct);
        var ground = r.GroundId is null ? null : await db.Grounds.AsNoTracking().SingleOrDefaultAsync(g => g.Id == r.GroundId, ct);
        var registration = await db.RegisteredDocuments.AsNoTracking()
            .Where(d => d.RequestId == r.Id && d.Kind == Workflows.Records.DocumentKind.IncomingRequest)
            .Select(d => new { d.Number, d.RegisteredOn }).FirstOrDefaultAsync(ct);
        var unlock = await db.JournalUnlocks.AsNoTracking().Where(u => u.RequestId == r.Id).OrderByDescending(u => u.GrantedAt).FirstOrDefaultAsync(ct);
        var zone = await db.Schools.Where(s => s.Id == r.SchoolId).Select(s => s.TimeZoneId).SingleAsync(ct);
        var failure = i.State == "unlocked" && unlock is not null
            ? await db.JournalApplyFailures.AsNoTracking().Where(f => f.RequestId == r.Id).OrderByDescending(f => f.At).FirstOrDefaultAsync(ct)
            : null;
        if (failure is not null && failure.At < unlock!.GrantedAt) failure = null;
        var scanTypes = await db.ScanDocuments.Where(s => s.RequestId == r.Id).Select(s => s.DocumentType).Distinct().ToListAsync(ct);
        var studentIds = r.Entries.Select(e => e.StudentId).Distinct().ToList();
        var students = await db.Students.AsNoTracking().Where(s => studentIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => PersonName.Full(s.Surname, s.GivenName, s.Patronymic), ct);

        return new RequestDto(
            r.Id, r.SchoolId, i.State, definition.States[i.State].Title, i.Revision, r.InitiatorId, names.GetValueOrDefault(r.InitiatorId, ""),
            r.ClassId, className, r.SubjectId, subjectName, r.SubjectTeacherId, names.GetValueOrDefault(r.SubjectTeacherId, ""),
            r.GroundId, ground?.Title, r.Justification, r.ProtocolNumber, r.ProtocolDate, r.CreatedAt, registration?.Number, registration?.RegisteredOn,
            [.. r.Entries.OrderBy(e => e.Date).Select(e => new EntryDto(e.Id, e.StudentId, students.GetValueOrDefault(e.StudentId, ""), e.Date, e.Kind, e.StudyPeriodId, e.CurrentValue, e.RequestedValue))],
            [.. (ground?.RequiredDocuments ?? []).Select(d => new AttachmentSlotDto(d, true, scanTypes.Contains(d)))],
            unlock is null ? null : new UnlockDto(unlock.GrantedAt, unlock.ExpiresAt,
                TimeZoneInfo.ConvertTime(unlock.ExpiresAt, TimeZoneInfo.FindSystemTimeZoneById(zone)).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                unlock.RevokedAt, unlock.RevokedBecause),
            failure is null ? null : new ApplyFailureDto(failure.At, failure.MessageKey,
                t is null ? failure.MessageKey : t[failure.MessageKey, [.. System.Text.Json.JsonSerializer.Deserialize<string[]>(failure.Arguments) ?? []]].Value),
            withHistory
                ? [.. history.Select(h => new HistoryDto(h.Revision, h.At, h.ActorId, h.ActorId is { } a ? names.GetValueOrDefault(a) : null, h.ActorRole, h.Action, h.FromState, h.ToState, h.Comment, h.PayloadHash))]
                : null);
    }
}
