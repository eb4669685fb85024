using Corrections.Workflows.Accounts;

namespace Corrections.Workflows.Access;

/// <summary>
/// What the current caller may see: the schools and municipalities in reach of their role assignments.
/// Computed once per request (or set to <see cref="System"/> by background work and the seeder) and
/// read by the DbContext's query filters and save guard, so no handler has to remember it.
/// </summary>
public sealed class AccessScope
{
    private readonly Dictionary<Guid, Guid> _schoolMunicipality;

    private AccessScope(Guid? userId, bool seesEverything, IReadOnlyList<RoleAssignment> assignments, Dictionary<Guid, Guid> schoolMunicipality)
    {
        UserId = userId;
        SeesEverything = seesEverything;
        Assignments = assignments;
        _schoolMunicipality = schoolMunicipality;
        SchoolIds = [.. schoolMunicipality.Keys];
        MunicipalityIds =
        [
            .. schoolMunicipality.Values
                .Concat(assignments.Where(a => a.MunicipalityId is not null).Select(a => a.MunicipalityId!.Value))
                .Distinct(),
        ];
    }

    /// <summary>No caller: sees nothing. The default until a scope is established.</summary>
    public static AccessScope Nobody { get; } = new(null, false, [], []);

    /// <summary>The system itself (start-up, seeding, timers): sees every school. Never given to a person.</summary>
    public static AccessScope System { get; } = new(null, true, [], []);

    public Guid? UserId { get; }
    public bool SeesEverything { get; }
    public IReadOnlyList<RoleAssignment> Assignments { get; }
    public IReadOnlyList<Guid> SchoolIds { get; }
    public IReadOnlyList<Guid> MunicipalityIds { get; }

    public bool IsInstallationAdmin => Assignments.Any(a => a.Role == Role.Admin && a.SchoolId is null && a.MunicipalityId is null);

    /// <param name="schoolMunicipality">Every school the assignments reach, with its municipality.</param>
    public static AccessScope ForUser(Guid userId, IReadOnlyList<RoleAssignment> assignments, IReadOnlyDictionary<Guid, Guid> schoolMunicipality, bool installationAdmin)
        => installationAdmin
            ? new AccessScope(userId, true, assignments, new Dictionary<Guid, Guid>(schoolMunicipality))
            : new AccessScope(userId, false, assignments, new Dictionary<Guid, Guid>(schoolMunicipality));

    public bool CanSeeSchool(Guid schoolId) => SeesEverything || _schoolMunicipality.ContainsKey(schoolId);

    public bool CanSeeMunicipality(Guid municipalityId) => SeesEverything || MunicipalityIds.Contains(municipalityId);

    /// <summary>
    /// Whether the caller holds one of <paramref name="roles"/> for the school: directly, or (for
    /// Admin and DepartmentOfficer) through the school's municipality, or as installation administrator.
    /// </summary>
    public bool HasSchoolRole(Guid schoolId, params Role[] roles)
    {
        if (roles.Contains(Role.Admin) && IsInstallationAdmin) return true;
        _schoolMunicipality.TryGetValue(schoolId, out var municipalityId);
        return Assignments.Any(a => roles.Contains(a.Role)
            && (a.SchoolId == schoolId
                || (a.SchoolId is null && a.MunicipalityId is not null && a.MunicipalityId == municipalityId)));
    }

    public bool HasMunicipalityRole(Guid municipalityId, params Role[] roles)
    {
        if (roles.Contains(Role.Admin) && IsInstallationAdmin) return true;
        return Assignments.Any(a => roles.Contains(a.Role) && a.SchoolId is null && a.MunicipalityId == municipalityId);
    }
}

/// <summary>The scope of the current unit of work; one per DI scope.</summary>
public sealed class AccessScopeHolder
{
    public AccessScope Current { get; set; } = AccessScope.Nobody;

    /// <summary>The caller's network address, for the audit log.</summary>
    public string? Address { get; set; }
}

/// <summary>Thrown when code tries to save a row of a school outside the caller's scope.</summary>
public sealed class SchoolScopeViolationException(string message) : InvalidOperationException(message);
