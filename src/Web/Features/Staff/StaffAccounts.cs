using System.Linq.Expressions;
using Corrections.Web.Infrastructure;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Staff;

public sealed record StaffMemberDto(Guid Id, string Email, string Surname, string GivenName, string? Patronymic, IReadOnlyList<Role> Roles);

public sealed record StaffRequest(string? Email, string? Surname, string? GivenName, string? Patronymic, IReadOnlyList<Role>? Roles, string? Password);

/// <summary>
/// Granting roles and listing role holders, shared by the school and municipality staff endpoints;
/// they differ only in which roles are allowed and where the assignment points.
/// </summary>
internal static class StaffAccounts
{
    /// <param name="heldHere">Selects the assignments of this school or municipality.</param>
    /// <param name="allowed">Which roles may be granted here.</param>
    /// <param name="assign">Builds the assignment of a role here for a user.</param>
    public static async Task<Results<Ok<StaffMemberDto>, ValidationProblem>> GrantAsync(
        StaffRequest request, Expression<Func<RoleAssignment, bool>> heldHere, Func<Role, bool> allowed, Func<Guid, Role, RoleAssignment> assign,
        CorrectionsDbContext db, UserManager<AppUser> users, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var v = new Validation(t);
        var email = v.Email("email", request.Email, required: true, Limits.Email) ?? "";
        var roles = (request.Roles ?? []).Distinct().ToList();
        if (roles.Count == 0) v.Add("roles", "Validation.Required");
        if (roles.Any(r => !Enum.IsDefined(r) || !allowed(r))) v.Add("roles", "Validation.RoleNotHere");

        var user = email.Length == 0 ? null : await users.FindByEmailAsync(email);
        var isNew = user is null;
        string password = "";
        if (user is null)
        {
            user = new AppUser
            {
                Id = Guid.CreateVersion7(),
                UserName = email,
                Email = email,
                Surname = v.PersonName("surname", request.Surname, required: true, Limits.PersonName) ?? "",
                GivenName = v.PersonName("givenName", request.GivenName, required: true, Limits.PersonName) ?? "",
                Patronymic = v.PersonName("patronymic", request.Patronymic, required: false, Limits.PersonName),
            };
            password = v.Required("password", request.Password, 128);
            if (password.Length > 0)
                foreach (var validator in users.PasswordValidators)
                    foreach (var error in (await validator.ValidateAsync(users, user, password)).Errors)
                        AddIdentityError(v, users, "password", error);
        }
        if (!v.IsValid) return v.Problem();

        // Account and roles commit together: a refused role never leaves an orphan account behind.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (isNew)
        {
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                foreach (var error in created.Errors) AddIdentityError(v, users, "email", error);
                return v.Problem();
            }
        }
        var held = await db.RoleAssignments.Where(heldHere).Where(a => a.UserId == user.Id).Select(a => a.Role).ToListAsync(ct);
        db.RoleAssignments.AddRange(roles.Except(held).Select(r => assign(user.Id, r)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        var now = await db.RoleAssignments.Where(heldHere).Where(a => a.UserId == user.Id).Select(a => a.Role).ToListAsync(ct);
        return TypedResults.Ok(new StaffMemberDto(user.Id, user.Email ?? "", user.Surname, user.GivenName, user.Patronymic, [.. now.Order()]));
    }

    public static async Task<List<StaffMemberDto>> ListAsync(CorrectionsDbContext db, Expression<Func<RoleAssignment, bool>> heldHere, CancellationToken ct)
    {
        var rows = await (
            from a in db.RoleAssignments.AsNoTracking().Where(heldHere)
            join u in db.Users on a.UserId equals u.Id
            select new { u.Id, u.Email, u.Surname, u.GivenName, u.Patronymic, a.Role }).ToListAsync(ct);
        return
        [
            .. rows.GroupBy(r => r.Id)
                .Select(g => new StaffMemberDto(g.Key, g.First().Email ?? "", g.First().Surname, g.First().GivenName, g.First().Patronymic, [.. g.Select(r => r.Role).Order()]))
                .OrderBy(s => s.Surname).ThenBy(s => s.GivenName),
        ];
    }

    private static void AddIdentityError(Validation v, UserManager<AppUser> users, string field, IdentityError error)
        => v.Add(field, $"Identity.{error.Code}", users.Options.Password.RequiredLength, users.Options.Password.RequiredUniqueChars);
}
