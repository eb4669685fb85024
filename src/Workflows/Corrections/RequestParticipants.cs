using Corrections.Workflows.Engine;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Workflows.Corrections;

/// <summary>«subject-teacher»: the teacher of record of the request, who conducts a retake (point 2.4).</summary>
public sealed class RequestParticipants : IWorkflowParticipants
{
    public const string SubjectTeacher = "subject-teacher";

    public IReadOnlyCollection<string> Roles { get; } = [SubjectTeacher];

    public Task<bool> HoldsAsync(CorrectionsDbContext db, WorkflowInstance instance, string role, Guid userId, CancellationToken ct)
        => db.CorrectionRequests.AnyAsync(r => r.Id == instance.Id && r.SubjectTeacherId == userId, ct);
}
