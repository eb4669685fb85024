using Microsoft.AspNetCore.Identity;

namespace Corrections.Workflows.Accounts;

/// <summary>A person who signs in. What they may do comes from <see cref="RoleAssignment"/>, never from Identity roles.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string Surname { get; set; } = "";
    public string GivenName { get; set; } = "";
    public string? Patronymic { get; set; }

    /// <summary>Created by the demo seeder; production refuses to start while such an account keeps the demo password.</summary>
    public bool IsDemo { get; set; }
}
