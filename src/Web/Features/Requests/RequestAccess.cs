using Corrections.Workflows.Access;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Corrections;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Features.Requests;

/// <summary>
/// Which requests a person may open, beyond the school filter of the DbContext: those who handle
/// requests (clerk, director, zavuch) see the school's; a department officer sees those that were
/// escalated; a teacher sees only the requests they filed or in which they are the subject teacher.
/// Every request endpoint goes through <see cref="Visible"/>.
/// </summary>
public static class RequestAccess
{
    private static readonly Role[] Handlers = [Role.Clerk, Role.Director, Role.Zavuch];

    public static IQueryable<CorrectionRequest> Visible(CorrectionsDbContext db, AccessScope scope)
    {
        var userId = scope.UserId ?? Guid.Empty;
        var handled = scope.SchoolIds.Where(s => scope.HasSchoolRole(s, Handlers)).ToList();
        var departments = scope.SchoolIds.Where(s => scope.HasSchoolRole(s, Role.DepartmentOfficer)).ToList();
        // The history lookup only when the scope has a department: PostgreSQL costs the EXISTS for
        // every row even when its list is empty, and with thousands of requests that estimate turned
        // a hash join into a nested loop and crossed the JIT threshold (docs/decisions/0013-inbox-benchmark.md).
        if (departments.Count == 0)
            return db.CorrectionRequests.Where(r => r.InitiatorId == userId || r.SubjectTeacherId == userId || handled.Contains(r.SchoolId));
        return db.CorrectionRequests.Where(r =>
            r.InitiatorId == userId
            || r.SubjectTeacherId == userId
            || handled.Contains(r.SchoolId)
            || (departments.Contains(r.SchoolId) && db.WorkflowHistory.Any(h => h.InstanceId == r.Id && h.ToState == "escalated")));
    }

    public static Actor ActorOf(AccessScope scope) => new(scope.UserId ?? throw new InvalidOperationException("No signed-in user."), scope);

    public static async Task<(CorrectionRequest Request, WorkflowInstance Instance)?> FindAsync(CorrectionsDbContext db, AccessScope scope, Guid id, CancellationToken ct)
    {
        var request = await Visible(db, scope).Include(r => r.Entries).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return null;
        var instance = await db.WorkflowInstances.SingleAsync(i => i.Id == id, ct);
        return (request, instance);
    }
}
