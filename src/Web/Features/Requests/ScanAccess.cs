using Corrections.Workflows.Access;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Corrections;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Features.Requests;

/// <summary>
/// Who may see a request's scans (they may hold health data): its initiator, the school's clerk, zavuch
/// and director, and a department officer once the request was escalated. Narrower than who may see
/// the request: a subject teacher who did not file it sees the request, not the certificates.
/// </summary>
public static class ScanAccess
{
    public static async Task<bool> MayViewAsync(CorrectionsDbContext db, AccessScope scope, CorrectionRequest request, CancellationToken ct)
        => request.InitiatorId == scope.UserId
           || scope.HasSchoolRole(request.SchoolId, Role.Clerk, Role.Zavuch, Role.Director)
           || (scope.HasSchoolRole(request.SchoolId, Role.DepartmentOfficer)
               && await db.WorkflowHistory.AnyAsync(h => h.InstanceId == request.Id && h.ToState == "escalated", ct));

    /// <summary>Who brings documents: the initiator, the subject teacher (a retake protocol), the clerk (paper brought in).</summary>
    public static bool MayUpload(AccessScope scope, CorrectionRequest request)
        => request.InitiatorId == scope.UserId || request.SubjectTeacherId == scope.UserId || scope.HasSchoolRole(request.SchoolId, Role.Clerk);
}
