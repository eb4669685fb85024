using Corrections.Workflows.Access;
using Corrections.Workflows.Accounts;

namespace Corrections.Workflows.Tests.Access;

public sealed class AccessScopeTests
{
    private static readonly Guid Municipality = Guid.NewGuid(), OtherMunicipality = Guid.NewGuid();
    private static readonly Guid SchoolA = Guid.NewGuid(), SchoolB = Guid.NewGuid(), SchoolC = Guid.NewGuid();

    private static AccessScope Scope(params RoleAssignment[] assignments)
    {
        var all = new Dictionary<Guid, Guid> { [SchoolA] = Municipality, [SchoolB] = Municipality, [SchoolC] = OtherMunicipality };
        var installation = assignments.Any(a => a.Role == Role.Admin && a.SchoolId is null && a.MunicipalityId is null);
        var reached = all.Where(s => installation || assignments.Any(a => a.SchoolId == s.Key || (a.SchoolId is null && a.MunicipalityId == s.Value)))
            .ToDictionary(s => s.Key, s => s.Value);
        return AccessScope.ForUser(Guid.NewGuid(), assignments, reached, installation);
    }

    private static RoleAssignment At(Role role, Guid? school = null, Guid? municipality = null) => new() { Role = role, SchoolId = school, MunicipalityId = municipality };

    [Fact]
    public void A_teacher_holds_the_role_in_their_school_only()
    {
        var scope = Scope(At(Role.Teacher, SchoolA));

        Assert.True(scope.HasSchoolRole(SchoolA, Role.Teacher));
        Assert.False(scope.HasSchoolRole(SchoolA, Role.Admin));
        Assert.False(scope.CanSeeSchool(SchoolB));
        Assert.True(scope.CanSeeMunicipality(Municipality));
    }

    [Fact]
    public void A_department_officer_sees_every_school_of_the_municipality_and_no_other()
    {
        var scope = Scope(At(Role.DepartmentOfficer, municipality: Municipality));

        Assert.True(scope.CanSeeSchool(SchoolA));
        Assert.True(scope.CanSeeSchool(SchoolB));
        Assert.False(scope.CanSeeSchool(SchoolC));
        Assert.True(scope.HasSchoolRole(SchoolB, Role.DepartmentOfficer));
        Assert.False(scope.HasSchoolRole(SchoolB, Role.Director));
    }

    [Fact]
    public void A_municipal_admin_administers_the_municipalitys_schools_but_an_installation_admin_administers_all()
    {
        var municipal = Scope(At(Role.Admin, municipality: Municipality));
        var installation = Scope(At(Role.Admin));

        Assert.True(municipal.HasSchoolRole(SchoolA, Role.Admin));
        Assert.False(municipal.HasSchoolRole(SchoolC, Role.Admin));
        Assert.False(municipal.IsInstallationAdmin);
        Assert.True(installation.IsInstallationAdmin);
        Assert.True(installation.HasSchoolRole(SchoolC, Role.Admin));
        Assert.True(installation.SeesEverything);
    }

    [Fact]
    public void A_person_with_several_roles_holds_each_where_it_was_given()
    {
        var scope = Scope(At(Role.Zavuch, SchoolA), At(Role.Teacher, SchoolA), At(Role.Teacher, SchoolB));

        Assert.True(scope.HasSchoolRole(SchoolA, Role.Zavuch));
        Assert.False(scope.HasSchoolRole(SchoolB, Role.Zavuch));
        Assert.True(scope.HasSchoolRole(SchoolB, Role.Teacher));
        Assert.Equal(2, scope.SchoolIds.Count);
    }
}
