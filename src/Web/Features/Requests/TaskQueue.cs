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
/// The open tasks of one role, for the pages' inbox and the menu's counts: a single query, paged,
/// overdue first, then by due date. The engine remains the judge of each action (the request page
/// asks it); this list only says where work waits: a task for the role, in a request the person may
/// see, never their own request to decide (the initiator's own tasks are theirs alone).
/// </summary>
public static class TaskQueue
{
    public const int PageSize = 50;

    public static IQueryable<TaskRow> Query(CorrectionsDbContext db, AccessScope scope, Role role, IReadOnlyCollection<Guid> schoolIds, DateTimeOffset now)
    {
        var me = scope.UserId ?? Guid.Empty;
        // A teacher's tasks are those of the initiator and of the subject teacher; the zavuch also files requests.
        var names = role switch
        {
            Role.Teacher => new[] { WorkflowEngine.InitiatorRole, Workflows.Corrections.RequestParticipants.SubjectTeacher },
            Role.Zavuch => [nameof(Role.Zavuch), WorkflowEngine.InitiatorRole],
            _ => [role.ToString()],
        };
        return
            from w in db.WorkflowWaits.AsNoTracking()
            where w.Kind == WaitKind.Task && names.Contains(w.Name) && schoolIds.Contains(w.SchoolId)
            join r in RequestAccess.Visible(db, scope).AsNoTracking() on w.InstanceId equals r.Id
            where w.Name == WorkflowEngine.InitiatorRole ? r.InitiatorId == me
                : w.Name == Workflows.Corrections.RequestParticipants.SubjectTeacher ? r.SubjectTeacherId == me && r.InitiatorId != me
                : r.InitiatorId != me
            join i in db.WorkflowInstances.AsNoTracking() on r.Id equals i.Id
            join s in db.Schools.AsNoTracking() on r.SchoolId equals s.Id
            join c in db.Classes.AsNoTracking() on r.ClassId equals c.Id
            join subject in db.Subjects.AsNoTracking() on r.SubjectId equals subject.Id
            join u in db.Users.AsNoTracking() on r.InitiatorId equals u.Id
            let card = db.RegisteredDocuments.Where(d => d.RequestId == r.Id && d.Kind == DocumentKind.IncomingRequest).Select(d => new { d.Number, d.RegisteredOn }).FirstOrDefault()
            orderby w.DueAt != null && w.DueAt < now descending, w.DueAt == null, w.DueAt, r.Id
            select new TaskRow(r.Id, r.SchoolId, s.ShortName, i.State, w.Title ?? "", w.DueAt, w.DueAt != null && w.DueAt < now,
                card == null ? null : card.Number, card == null ? null : card.RegisteredOn, c.Name, subject.Name,
                u.Surname + " " + u.GivenName, r.CreatedAt);
    }

    /// <summary>How many tasks wait for the role: the menu's badge.</summary>
    public static Task<int> CountAsync(CorrectionsDbContext db, AccessScope scope, Role role, IReadOnlyCollection<Guid> schoolIds, DateTimeOffset now, CancellationToken ct)
        => Query(db, scope, role, schoolIds, now).CountAsync(ct);
}
