using Corrections.Web.Infrastructure;
using Corrections.Workflows.Persistence;
using Corrections.Workflows.Records;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Corrections.Web.Features.Audit;

/// <summary>
/// GET /api/v1/audit/verify: walks the whole audit chain and names the first line that was changed
/// or removed. Installation administrators only; the same check runs as
/// <c>dotnet Corrections.Web.dll verify-audit</c>.
/// </summary>
public static class VerifyAudit
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/audit/verify", Handle)
        .RequireAuthorization(Policies.InstallationAdmin).WithTags("Audit");

    public static async Task<Ok<AuditVerification>> Handle(CorrectionsDbContext db, CancellationToken ct)
        => TypedResults.Ok(await db.VerifyAuditAsync(ct));
}
