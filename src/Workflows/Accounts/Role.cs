namespace Corrections.Workflows.Accounts;

public enum Role
{
    Teacher = 1,
    Zavuch = 2,
    Director = 3,
    Clerk = 4,
    DepartmentOfficer = 5,
    Admin = 6,
}

/// <summary>
/// A role held for one school, or for a municipality (department officer, municipal administrator),
/// or, for Admin only, for the whole installation (both ids empty).
/// </summary>
public sealed class RoleAssignment
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Role Role { get; set; }
    public Guid? SchoolId { get; set; }
    public Guid? MunicipalityId { get; set; }

    public static bool IsSchoolRole(Role role) => role is Role.Teacher or Role.Zavuch or Role.Director or Role.Clerk or Role.Admin;

    public static bool IsMunicipalityRole(Role role) => role is Role.DepartmentOfficer or Role.Admin;
}
