using Corrections.Workflows.Access;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Persistence;
using Corrections.Workflows.Records;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Features.Requests;

public sealed record TaskRow(
    Guid RequestId, Guid SchoolId, string SchoolName, string State, string Task, DateTimeOffset? DueAt, bool Overdue,
    string? Number, DateOnly? RegisteredOn, string ClassName, string SubjectName, string InitiatorName, DateTimeOffset CreatedAt);

/// <summary>
/// The open tasks of one role, for the pages' inbox and the menu's counts: overdue first, then by due
/// date, one page at a time. The engine remains the judge of each action (the request page asks it);
/// this list only says where work waits: a task for the role, in a request the person may see, never
/// their own request to decide (the initiator's own tasks are theirs alone).
/// </summary>
/// <remarks>
/// A school may hold thousands of open tasks. Counting and ordering them needs only the waits and the
/// requests they belong to, so the names a row shows are joined to the one page alone
/// (docs/decisions/0013-inbox-benchmark.md).
/// </remarks>
public static class TaskQueue
{
    public const int PageSize = 50;

    /// <summary>The role's open tasks in requests the person may see, unordered.</summary>
    public static IQueryable<WorkflowWait> Open(CorrectionsDbContext db, AccessScope scope, Role role, IReadOnlyCollection<Guid> schoolIds)
    {
        var me = scope.UserId ?? Guid.Empty;
        // A teacher's tasks are those of the initiator and of the subject teacher; the zavuch also files requests.
        var names = role switch
        {
            Role.Teacher => new[] { WorkflowEngine.InitiatorRole, Workflows.Corrections.RequestParticipants.SubjectTeacher },
            Role.Zavuch => [nameof(Role.Zavuch), WorkflowEngine.InitiatorRole],
            _ => [role.ToString()],
        };
        var visible = RequestAccess.Visible(db, scope);
        return db.WorkflowWaits.AsNoTracking()
            .Where(w => w.Kind == WaitKind.Task && names.Contains(w.Name) && schoolIds.Contains(w.SchoolId))
            .Where(w => visible.Any(r => r.Id == w.InstanceId && (w.Name == WorkflowEngine.InitiatorRole ? r.InitiatorId == me
                : w.Name == Workflows.Corrections.RequestParticipants.SubjectTeacher ? r.SubjectTeacherId == me && r.InitiatorId != me
                : r.InitiatorId != me)));
    }

    /// <summary>One page (from 1) of the role's open tasks, overdue first, then by due date.</summary>
    public static async Task<IReadOnlyList<TaskRow>> PageAsync(
        CorrectionsDbContext db, AccessScope scope, Role role, IReadOnlyCollection<Guid> schoolIds, DateTimeOffset now, int page, CancellationToken ct)
    {
        var waits = Open(db, scope, role, schoolIds)
            .OrderByDescending(w => w.DueAt != null && w.DueAt < now).ThenBy(w => w.DueAt == null).ThenBy(w => w.DueAt).ThenBy(w => w.InstanceId)
            .Skip((page - 1) * PageSize).Take(PageSize);
        return await (
            from w in waits
            join r in db.CorrectionRequests.AsNoTracking() on w.InstanceId equals r.Id
            join i in db.WorkflowInstances.AsNoTracking() on r.Id equals i.Id
            join s in db.Schools.AsNoTracking() on r.SchoolId equals s.Id
            join c in db.Classes.AsNoTracking() on r.ClassId equals c.Id
            join subject in db.Subjects.AsNoTracking() on r.SubjectId equals subject.Id
            join u in db.Users.AsNoTracking() on r.InitiatorId equals u.Id
            let card = db.RegisteredDocuments.Where(d => d.RequestId == r.Id && d.Kind == DocumentKind.IncomingRequest).Select(d => new { d.Number, d.RegisteredOn }).FirstOrDefault()
            orderby w.DueAt != null && w.DueAt < now descending, w.DueAt == null, w.DueAt, w.InstanceId
            select new TaskRow(r.Id, r.SchoolId, s.ShortName, i.State, w.Title ?? "", w.DueAt, w.DueAt != null && w.DueAt < now,
                card == null ? null : card.Number, card == null ? null : card.RegisteredOn, c.Name, subject.Name,
                u.Surname + " " + u.GivenName, r.CreatedAt)).ToListAsync(ct);
    }

    /// <summary>How many tasks wait for the role: the menu's badge and the inbox's total.</summary>
    public static Task<int> CountAsync(CorrectionsDbContext db, AccessScope scope, Role role, IReadOnlyCollection<Guid> schoolIds, CancellationToken ct)
        => Open(db, scope, role, schoolIds).CountAsync(ct);
}
