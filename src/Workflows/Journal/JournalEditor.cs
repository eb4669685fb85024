using Corrections.Workflows.Accounts;
using Corrections.Workflows.Corrections;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Workflows.Journal;

/// <summary>Why an edit of the journal was refused: a resource key and its arguments.</summary>
public sealed record JournalRefusal(string Key, params object[] Args);

/// <summary>
/// Every edit of the built-in journal goes through here. While the lock policy allows it, the
/// teacher of the lesson edits directly. Once the entry is locked, only the zavuch may change it,
/// only to the value a request approved, and only while that request's unlock is active; the
/// change is then appended to the change table. Marks «ahead» are never taken.
/// </summary>
public sealed class JournalEditor(CorrectionsDbContext db, TimeProvider clock)
{
    public async Task<JournalRefusal?> EditAsync(JournalSlot slot, string newValue, CancellationToken ct)
    {
        var userId = db.Scope.UserId ?? throw new InvalidOperationException("Journal edits are made by a person.");
        if (slot.Value == newValue) return null;

        var zone = await db.Schools.Where(s => s.Id == slot.SchoolId).Select(s => s.TimeZoneId).SingleAsync(ct);
        var policy = await LockPolicies.ForSchoolAsync(db, slot.SchoolId, ct);
        var status = LockEvaluator.Evaluate(policy, slot.Kind, slot.Date, slot.PeriodEnd, zone, clock);
        var now = clock.GetUtcNow();
        switch (status)
        {
            case LockStatus.NotYetAllowed ahead:
                return new("Journal.MarkAhead", ahead.EntryDate.ToString("dd.MM.yyyy"));
            case LockStatus.Editable:
                var teaches = slot.TeacherId == userId || await db.TeachingAssignments
                    .AnyAsync(a => a.TeacherId == userId && a.ClassId == slot.ClassId && a.SubjectId == slot.SubjectId, ct);
                if (!teaches) return new("Journal.NotYourLesson");
                Record(slot, newValue, JournalChangeVia.Direct, null, now);
                slot.Write(db, newValue);
                return null;
            case LockStatus.Locked locked:
                return await EditUnderUnlockAsync(slot, newValue, userId, locked, zone, now, ct);
            default:
                throw new InvalidOperationException($"Unknown lock status {status}.");
        }
    }

    private async Task<JournalRefusal?> EditUnderUnlockAsync(JournalSlot slot, string newValue, Guid userId, LockStatus.Locked locked, string zone, DateTimeOffset now, CancellationToken ct)
    {
        var lockedSince = locked.LockedSince.ToString("dd.MM.yyyy");
        if (!db.Scope.HasSchoolRole(slot.SchoolId, Role.Zavuch)) return new("Journal.Locked", lockedSince);

        // The unlocks of this school's requests whose entries name this slot.
        var candidates = await (
            from u in db.JournalUnlocks
            join r in db.CorrectionRequests on u.RequestId equals r.Id
            where u.SchoolId == slot.SchoolId && r.ClassId == slot.ClassId && r.SubjectId == slot.SubjectId && u.RevokedAt == null
            select new { Unlock = u, Request = r }).ToListAsync(ct);
        foreach (var candidate in candidates.OrderByDescending(c => c.Unlock.ExpiresAt))
        {
            var entries = await db.CorrectionEntries.Where(e => e.RequestId == candidate.Request.Id && e.StudentId == slot.StudentId && e.Kind == slot.Kind).ToListAsync(ct);
            var entry = entries.FirstOrDefault(e => slot.Matches(candidate.Request, e));
            if (entry is null) continue;
            // The very cell «apply» would write: not another work or lesson of the same student and date.
            var target = await JournalSlots.ForEntryAsync(db, candidate.Request, entry, ct);
            if (target is null || target.WorkId != slot.WorkId || target.LessonId != slot.LessonId || target.StudyPeriodId != slot.StudyPeriodId) continue;
            if (!candidate.Unlock.IsActive(now))
                return new("Journal.UnlockExpired", TimeZoneInfo.ConvertTime(candidate.Unlock.ExpiresAt, TimeZoneInfo.FindSystemTimeZoneById(zone)).ToString("dd.MM.yyyy HH:mm"));
            if (entry.RequestedValue != newValue) return new("Journal.NotApprovedValue", entry.RequestedValue.Length == 0 ? "—" : entry.RequestedValue);

            var oldValue = slot.Value;
            Record(slot, newValue, JournalChangeVia.Unlock, candidate.Request.Id, now);
            slot.Write(db, newValue);
            await ChangeTable.AppendAsync(db, candidate.Request, entry, oldValue, newValue, now, ct);
            return null;
        }
        return new("Journal.Locked", lockedSince);
    }

    /// <summary>Keeps the change for the journal's history and the access report.</summary>
    public void Record(JournalSlot slot, string newValue, JournalChangeVia via, Guid? requestId, DateTimeOffset now)
        => db.JournalChanges.Add(new JournalChange
        {
            Id = Guid.CreateVersion7(), SchoolId = slot.SchoolId, At = now, ActorId = db.Scope.UserId, Via = via, ClassId = slot.ClassId, SubjectId = slot.SubjectId,
            StudentId = slot.StudentId, Kind = slot.Kind, EntryDate = slot.Date, StudyPeriodId = slot.StudyPeriodId,
            OldValue = slot.Value, NewValue = newValue, RequestId = requestId,
        });
}
