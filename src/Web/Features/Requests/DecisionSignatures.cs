using System.Text.Json;
using System.Text.Json.Nodes;
using Corrections.Web.Features.Documents;
using Corrections.Web.Infrastructure;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Corrections;
using Corrections.Workflows.Persistence;
using Corrections.Workflows.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Corrections.Web.Features.Requests;

/// <summary>
/// Decisions on a request are signed with a simple electronic signature: the decider re-enters their
/// password with the action («password» in the body). The password never reaches the step's payload
/// (whose hash is kept); the signature row keeps who, what, when and the hash of the application text.
/// A wrong password counts towards the account's lockout like a failed sign-in.
/// </summary>
public static class DecisionSignatures
{
    public static readonly string[] Actions = ["approve", "reject", "escalate", "department-approve", "department-reject", "regrant-unlock"];

    public static bool Required(string action) => Actions.Contains(action);

    /// <summary>The password from the body, and the body without it.</summary>
    public static (string? Password, JsonElement? Body) TakePassword(JsonElement? body)
    {
        if (body is not { ValueKind: JsonValueKind.Object } b || !b.TryGetProperty("password", out var p)) return (null, body);
        var node = JsonNode.Parse(b.GetRawText())!.AsObject();
        node.Remove("password");
        return (p.ValueKind == JsonValueKind.String ? p.GetString() : null, JsonSerializer.SerializeToElement(node));
    }

    /// <summary>Null when the password is the signer's; otherwise the problem to show beside the field.</summary>
    public static async Task<ValidationProblem?> CheckAsync(string? password, Guid userId, UserManager<AppUser> users, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t)
    {
        var v = new Validation(t);
        if (string.IsNullOrEmpty(password)) { v.Add("password", "Decision.PasswordRequired"); return v.Problem(); }
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || await users.IsLockedOutAsync(user)) { v.Add("password", "Decision.LockedOut"); return v.Problem(); }
        if (await users.CheckPasswordAsync(user, password))
        {
            await users.ResetAccessFailedCountAsync(user);
            return null;
        }
        await users.AccessFailedAsync(user);
        v.Add("password", await users.IsLockedOutAsync(user) ? "Decision.LockedOut" : "Decision.WrongPassword");
        return v.Problem();
    }

    /// <summary>The hash of the application as the decider sees it now: the text the decision signs.</summary>
    public static async Task<string> HashAsync(CorrectionsDbContext db, CorrectionRequest request, CancellationToken ct)
        => IssuedDocument.HashOf((await ApplicationDocument.BuildAsync(db, request, ct)).Model.Texts());
}
