using System.Security.Claims;
using Corrections.Workflows.Access;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Infrastructure;

/// <summary>Names of the authorization policies; each endpoint declares the one it needs.</summary>
public static class Policies
{
    /// <summary>Any role in the school named by the route's <c>{schoolId}</c>.</summary>
    public const string SchoolMember = "school-member";
    /// <summary>Admin of the school named by <c>{schoolId}</c> (directly, municipal, or installation).</summary>
    public const string SchoolAdmin = "school-admin";
    /// <summary>May file a request in the school (point 2.2): a teacher or the zavuch.</summary>
    public const string SchoolInitiator = "school-initiator";
    /// <summary>Keeps the school's records: the clerk, or the administrator.</summary>
    public const string SchoolRecords = "school-records";
    /// <summary>Reads the school's register of documents: those who handle requests.</summary>
    public const string SchoolRegisterReader = "school-register-reader";
    /// <summary>The school's director: approves acts of destruction.</summary>
    public const string SchoolDirector = "school-director";
    /// <summary>Reads retention and acts of destruction: the clerk, the administrator and the director.</summary>
    public const string SchoolRetention = "school-retention";
    /// <summary>Reads the built-in journal and its reports: teachers, the zavuch, the director.</summary>
    public const string SchoolJournalReader = "school-journal-reader";
    /// <summary>Edits the built-in journal: teachers and the zavuch (the journal decides which entries).</summary>
    public const string SchoolJournalEditor = "school-journal-editor";
    /// <summary>Reads the change table and the access report: the journal's readers and the department (the СГО report is visible to it).</summary>
    public const string SchoolJournalReports = "school-journal-reports";
    /// <summary>The zavuch, who keeps the table of changes (point 2.6).</summary>
    public const string SchoolZavuch = "school-zavuch";
    public const string MunicipalityMember = "municipality-member";
    public const string MunicipalityAdmin = "municipality-admin";
    /// <summary>The education department of the municipality (its officers), or its administrator.</summary>
    public const string MunicipalityDepartment = "municipality-department";
    public const string InstallationAdmin = "installation-admin";

    /// <summary>
    /// The scheme every API policy authenticates with: a bearer token for programs, the page cookie for
    /// the pages' own calls (which must carry the anti-forgery token to write; see <see cref="ApiAntiforgery"/>).
    /// </summary>
    public const string CookieOrBearer = "cookie-or-bearer";

    public static void Add(AuthorizationOptions options)
    {
        void Api(string name, IAuthorizationRequirement requirement) => options.AddPolicy(name, p => p
            .AddAuthenticationSchemes(CookieOrBearer)
            .RequireAuthenticatedUser()
            .AddRequirements(requirement));

        Api(SchoolMember, new SchoolAccessRequirement([]));
        Api(SchoolAdmin, new SchoolAccessRequirement([Role.Admin]));
        Api(SchoolInitiator, new SchoolAccessRequirement([Role.Teacher, Role.Zavuch]));
        Api(SchoolRecords, new SchoolAccessRequirement([Role.Clerk, Role.Admin]));
        Api(SchoolRegisterReader, new SchoolAccessRequirement([Role.Clerk, Role.Director, Role.Zavuch]));
        Api(SchoolDirector, new SchoolAccessRequirement([Role.Director]));
        Api(SchoolRetention, new SchoolAccessRequirement([Role.Clerk, Role.Admin, Role.Director]));
        Api(SchoolJournalReader, new SchoolAccessRequirement([Role.Teacher, Role.Zavuch, Role.Director]));
        Api(SchoolJournalEditor, new SchoolAccessRequirement([Role.Teacher, Role.Zavuch]));
        Api(SchoolZavuch, new SchoolAccessRequirement([Role.Zavuch]));
        Api(SchoolJournalReports, new SchoolAccessRequirement([Role.Teacher, Role.Zavuch, Role.Director, Role.DepartmentOfficer]));
        Api(MunicipalityMember, new MunicipalityAccessRequirement([]));
        Api(MunicipalityAdmin, new MunicipalityAccessRequirement([Role.Admin]));
        Api(MunicipalityDepartment, new MunicipalityAccessRequirement([Role.DepartmentOfficer, Role.Admin]));
        Api(InstallationAdmin, new InstallationAdminRequirement());
        options.AddPolicy("api", p => p.AddAuthenticationSchemes(CookieOrBearer).RequireAuthenticatedUser());
    }
}

/// <param name="Roles">Roles any of which suffices; empty means any role in the school.</param>
public sealed record SchoolAccessRequirement(Role[] Roles) : IAuthorizationRequirement;

public sealed record MunicipalityAccessRequirement(Role[] Roles) : IAuthorizationRequirement;

public sealed record InstallationAdminRequirement : IAuthorizationRequirement;

/// <summary>Failure that should read as "no such thing": the caller may not even learn it exists.</summary>
public sealed class NotVisibleReason(IAuthorizationHandler handler) : AuthorizationFailureReason(handler, "not visible");

/// <summary>
/// Decides every school and municipality requirement from the route value and the caller's
/// <see cref="AccessScope"/>: one place, so an endpoint cannot forget it.
/// </summary>
public sealed class AccessHandler(AccessScopeHolder holder) : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        var scope = holder.Current;
        var route = (context.Resource as HttpContext)?.Request.RouteValues;
        foreach (var requirement in context.PendingRequirements.ToList())
        {
            switch (requirement)
            {
                case SchoolAccessRequirement school:
                    Decide(context, requirement, RouteId(route, "schoolId") is { } schoolId && scope.CanSeeSchool(schoolId),
                        s => school.Roles.Length == 0 || scope.HasSchoolRole(s, school.Roles), RouteId(route, "schoolId"));
                    break;
                case MunicipalityAccessRequirement municipality:
                    Decide(context, requirement, RouteId(route, "municipalityId") is { } mId && scope.CanSeeMunicipality(mId),
                        m => municipality.Roles.Length == 0 || scope.HasMunicipalityRole(m, municipality.Roles), RouteId(route, "municipalityId"));
                    break;
                case InstallationAdminRequirement:
                    if (scope.IsInstallationAdmin) context.Succeed(requirement);
                    else context.Fail();
                    break;
            }
        }
        return Task.CompletedTask;
    }

    private void Decide(AuthorizationHandlerContext context, IAuthorizationRequirement requirement, bool visible, Func<Guid, bool> hasRole, Guid? id)
    {
        if (!visible || id is null) context.Fail(new NotVisibleReason(this));
        else if (hasRole(id.Value)) context.Succeed(requirement);
        else context.Fail();
    }

    private static Guid? RouteId(RouteValueDictionary? route, string name)
        => route is not null && route.TryGetValue(name, out var raw) && Guid.TryParse(raw?.ToString(), out var id) ? id : null;
}

/// <summary>Turns API authorization failures into ProblemDetails: 404 for what the caller may not see, 403 otherwise.</summary>
public sealed class ApiAuthorizationResultHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> t) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Forbidden && context.Request.Path.StartsWithSegments("/api"))
        {
            var hidden = result.AuthorizationFailure?.FailureReasons.OfType<NotVisibleReason>().Any() == true;
            context.Response.StatusCode = hidden ? StatusCodes.Status404NotFound : StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = context.Response.StatusCode,
                    Title = hidden ? t["Problem.NotFound"] : t["Problem.Forbidden"],
                    Detail = hidden ? t["Problem.NotFoundInYourSchools"] : t["Problem.RoleForbids"],
                },
            });
            return;
        }
        await _default.HandleAsync(next, context, policy, result);
    }
}

/// <summary>Establishes the caller's access scope once per request, before authorization reads it.</summary>
public sealed class AccessScopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, AccessScopeHolder holder, CorrectionsDbContext db)
    {
        holder.Address = context.Connection.RemoteIpAddress?.ToString();
        if (context.User.Identity?.IsAuthenticated == true
            && Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            holder.Current = await AccessScopeLoader.LoadAsync(db, userId, context.RequestAborted);
        await next(context);
    }
}
