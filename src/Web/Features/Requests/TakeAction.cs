using System.Text.Json;
using Corrections.Web.Infrastructure;
using Corrections.Workflows.Access;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Records;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Requests;

public sealed record ActionResultDto(Guid RequestId, string Action, string State, string StateTitle, int Revision);

/// <summary>
/// POST /api/v1/requests/{requestId}/actions/{action}. Carries the revision it saw (If-Match; a stale
/// one is 409 and changes nothing) and an Idempotency-Key (a replay returns the first result, lesson 3).
/// The body is optional: {"reason": "…"} and the fields the action lists; a decision also needs
/// {"password": "…"}, its signer's password (see <see cref="DecisionSignatures"/>).
/// </summary>
public static class TakeAction
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/requests/{requestId:guid}/actions/{action}", Handle)
        .WithTags("Requests")
        .Produces<ActionResultDto>()
        .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

    public static async Task<IResult> Handle(
        Guid requestId, string action, HttpContext http, CorrectionsDbContext db, WorkflowEngine engine, DefinitionRegistry definitions,
        AccessScopeHolder scope, TimeProvider clock, UserManager<AppUser> users, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var user = scope.Current.UserId!.Value;
        var key = http.Request.Headers[IdempotencyHeader].ToString().Trim();
        if (key.Length is 0 or > 200)
            return Problem(400, t["Problem.BadRequest"], t["Request.IdempotencyKeyRequired"]);
        var keyScope = $"POST /api/v1/requests/{requestId}/actions/{action}";
        if (await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == user && r.Key == key, ct) is { } first)
            return Replay(first, keyScope, t);

        var body = await ReadBodyAsync(http, ct);
        if (body is { ValueKind: not JsonValueKind.Object })
            return Problem(400, t["Problem.BadRequest"], t["Problem.BadRequestBody"]);
        var reason = body is { } b && b.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        if (reason?.Length > 4000)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [t["Validation.TooLong", 4000]] }, title: t["Problem.Validation"]);

        if (await RequestAccess.FindAsync(db, scope.Current, requestId, ct) is not var (request, instance))
            return Problem(404, t["Problem.NotFound"], t["NotFound.Request"]);
        if (Revisions.FromIfMatch(http.Request) is not { } expected)
            return Problem(428, t["Problem.PreconditionRequired"], t["Request.IfMatchRequired"]);

        // A decision is signed by re-entering the password; it is checked first and never kept.
        string? signedHash = null;
        if (DecisionSignatures.Required(action))
        {
            (var password, body) = DecisionSignatures.TakePassword(body);
            if (await DecisionSignatures.CheckAsync(password, user, users, t) is { } wrong) return wrong;
            signedHash = await DecisionSignatures.HashAsync(db, request, ct);
        }

        try
        {
            string? stored = null;
            await engine.ExecuteAsync(instance, action, RequestAccess.ActorOf(scope.Current), expected, reason, body, ct, entry =>
            {
                var definition = definitions.GetCurrent(instance.DefinitionId);
                stored = JsonSerializer.Serialize(new ActionResultDto(requestId, action, entry.ToState,
                    definition.States.TryGetValue(entry.ToState, out var s) ? s.Title : entry.ToState, entry.Revision), JsonSerializerOptions.Web);
                db.IdempotencyRecords.Add(new IdempotencyRecord { Id = Guid.CreateVersion7(), UserId = user, Key = key, Scope = keyScope, StatusCode = 200, Body = stored, CreatedAt = clock.GetUtcNow() });
                if (signedHash is not null)
                    db.DecisionSignatures.Add(new DecisionSignature
                    {
                        Id = Guid.CreateVersion7(), SchoolId = instance.SchoolId, RequestId = requestId, SignerId = user, Action = action,
                        Revision = entry.Revision, DocumentSha256 = signedHash, SignedAt = clock.GetUtcNow(),
                    });
            });
            http.Response.Headers.ETag = Revisions.ETag(instance.Revision);
            return Results.Content(stored!, "application/json", statusCode: 200);
        }
        catch (StepRefusedException refused)
        {
            return await RefuseAsync(db, refused, user, key, keyScope, clock, t, ct);
        }
        catch (DbUpdateException)
        {
            // The same key raced itself: the other request committed first; give its result.
            if (await FirstResultAsync(db, user, key, ct) is { } winner) return Replay(winner, keyScope, t);
            return Problem(409, t["Problem.Conflict"], t["Step.StaleConcurrent"]);
        }
    }

    private static async Task<IResult> RefuseAsync(CorrectionsDbContext db, StepRefusedException refused, Guid user, string key, string keyScope, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var (status, title) = refused.Fault switch
        {
            StepFault.UnknownAction => (404, t["Problem.NotFound"]),
            StepFault.NotAllowed or StepFault.OwnRequest => (403, t["Problem.Forbidden"]),
            StepFault.ReasonRequired => (400, t["Problem.Validation"]),
            StepFault.GuardRefused => (422, t["Step.RefusedTitle"]),
            _ => (409, t["Problem.Conflict"]),
        };
        var detail = t[refused.MessageKey, refused.Args].Value;
        var problem = new Dictionary<string, object?>
        {
            ["type"] = $"https://corrections.local/problems/{refused.Fault}", ["title"] = title.Value, ["status"] = status, ["detail"] = detail, ["code"] = refused.Fault.ToString(),
        };
        if (refused.Fault == StepFault.ReasonRequired) problem["errors"] = new Dictionary<string, string[]> { ["reason"] = [detail] };
        var json = JsonSerializer.Serialize(problem, JsonSerializerOptions.Web);

        // The refusal is the first result of this key too; nothing else of the step was written.
        db.ChangeTracker.Clear();
        foreach (var kept in refused.KeepAfterRollback) db.Add(kept);
        db.IdempotencyRecords.Add(new IdempotencyRecord { Id = Guid.CreateVersion7(), UserId = user, Key = key, Scope = keyScope, StatusCode = status, Body = json, CreatedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (await FirstResultAsync(db, user, key, ct) is { } winner) return Replay(winner, keyScope, t);
            throw;
        }
        return Results.Content(json, "application/problem+json", statusCode: status);
    }

    private static async Task<IdempotencyRecord?> FirstResultAsync(CorrectionsDbContext db, Guid user, string key, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == user && r.Key == key, ct);
    }

    private static IResult Replay(IdempotencyRecord first, string keyScope, IStringLocalizer<SharedResource> t)
        => first.Scope != keyScope
            ? Problem(422, t["Problem.Validation"], t["Request.IdempotencyKeyReused"])
            : Results.Content(first.Body, first.StatusCode >= 400 ? "application/problem+json" : "application/json", statusCode: first.StatusCode);

    private static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(statusCode: status, title: title, detail: detail);

    private static async Task<JsonElement?> ReadBodyAsync(HttpContext http, CancellationToken ct)
    {
        if (http.Request.ContentLength is 0 || !http.Request.HasJsonContentType()) return null;
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: ct);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default(JsonElement);
        }
    }
}
