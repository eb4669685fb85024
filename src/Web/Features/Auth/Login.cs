using Corrections.Workflows.Accounts;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Auth;

/// <summary>POST /api/v1/auth/login: email and password for a bearer access token.</summary>
public static class Login
{
    public sealed record Request(string? Email, string? Password);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/auth/login", Handle)
        .AllowAnonymous()
        .WithTags("Auth")
        .WithSummary("Exchange email and password for an access token (Authorization: Bearer …).")
        .Produces<AccessTokenResponse>();

    public static async Task<Results<EmptyHttpResult, SignInHttpResult, ValidationProblem, ProblemHttpResult>> Handle(
        Request request, UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> t)
    {
        var v = new Infrastructure.Validation(t);
        var email = v.Required("email", request.Email, 256);
        var password = v.Required("password", request.Password, 256);
        if (!v.IsValid) return v.Problem();

        var user = await users.FindByEmailAsync(email);
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
            return TypedResults.Problem(statusCode: StatusCodes.Status423Locked, title: t["Login.LockedTitle"], detail: t["Login.Locked"]);
        if (!result.Succeeded)
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: t["Login.FailedTitle"], detail: t["Login.Failed"]);

        var principal = await signIn.CreateUserPrincipalAsync(user!);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
