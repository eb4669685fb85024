using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Infrastructure;

/// <summary>
/// The pages call the same API as programs, with the sign-in cookie (ADR 0011). A browser sends that
/// cookie on any request, so a write made with it must also carry the anti-forgery token the page
/// was rendered with; a bearer token cannot be sent by another site and needs none.
/// </summary>
public sealed class ApiAntiforgery(RequestDelegate next)
{
    public const string HeaderName = "RequestVerificationToken";

    public async Task InvokeAsync(HttpContext context, IAntiforgery antiforgery, IStringLocalizer<SharedResource> t)
    {
        var safe = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method);
        // The same test the scheme selector makes: without a bearer header the cookie authenticated the call.
        var byCookie = context.User.Identity?.IsAuthenticated == true
            && !context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        if (!safe && byCookie && !await antiforgery.IsRequestValidAsync(context))
        {
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: t["Problem.BadRequest"], detail: t["Problem.Antiforgery"]).ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
