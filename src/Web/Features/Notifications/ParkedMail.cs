using Corrections.Web.Infrastructure;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Notifications;

public sealed record ParkedMailDto(Guid Id, Guid? RequestId, string To, string Kind, string Subject, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset ParkedAt, string? LastError);

/// <summary>GET /api/v1/schools/{schoolId}/mail/parked: the school's emails given up after the last attempt, for its administrator.</summary>
public static class ListParkedMail
{
    public static void Map(IEndpointRouteBuilder school) => school.MapGet("/mail/parked", Handle).RequireAuthorization(Policies.SchoolAdmin).WithTags("Notifications");

    public static async Task<Ok<List<ParkedMailDto>>> Handle(Guid schoolId, CorrectionsDbContext db, CancellationToken ct)
    {
        var parked = await db.OutgoingMails.AsNoTracking()
            .Where(m => m.SchoolId == schoolId && m.ParkedAt != null && m.SentAt == null)
            .Select(m => new ParkedMailDto(m.Id, m.RequestId, m.To, m.Kind, m.Subject, m.Attempts, m.CreatedAt, m.ParkedAt!.Value, m.LastError))
            .ToListAsync(ct);
        return TypedResults.Ok(parked.OrderBy(m => m.ParkedAt).ToList());
    }
}

/// <summary>
/// POST /api/v1/schools/{schoolId}/mail/{mailId}/resend: puts a parked email back in line with fresh
/// attempts. Only a parked one: an email that was sent, or still waits, is refused, so resending
/// never makes a duplicate.
/// </summary>
public static class ResendMail
{
    public static void Map(IEndpointRouteBuilder school) => school.MapPost("/mail/{mailId:guid}/resend", Handle).RequireAuthorization(Policies.SchoolAdmin).WithTags("Notifications");

    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        Guid schoolId, Guid mailId, CorrectionsDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!await db.OutgoingMails.AnyAsync(m => m.Id == mailId && m.SchoolId == schoolId, ct))
            return Validation.NotFound(t, "Problem.NotFoundInYourSchools");
        var now = clock.GetUtcNow();
        var reset = await db.OutgoingMails
            .Where(m => m.Id == mailId && m.SchoolId == schoolId && m.ParkedAt != null && m.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ParkedAt, (DateTimeOffset?)null).SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), ct);
        return reset == 1 ? TypedResults.NoContent() : Validation.Conflict(t, "Mail.NotParked");
    }
}
