using Corrections.Tests.Shared;
using Corrections.Workflows.Access;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Organisation;
using Corrections.Workflows.Persistence;

namespace Corrections.Workflows.Tests.Access;

/// <summary>What the loader reads from the database for each kind of role holder.</summary>
public abstract class AccessScopeLoaderTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly Guid _north = Guid.NewGuid(), _south = Guid.NewGuid();
    private readonly Guid _schoolA = Guid.NewGuid(), _schoolB = Guid.NewGuid(), _schoolC = Guid.NewGuid();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await DbContexts.MigrateAsync(_database);
        await using var db = DbContexts.Create(_database);
        db.Municipalities.AddRange(
            new Municipality { Id = _north, Name = "Северный", DepartmentName = "Управление" },
            new Municipality { Id = _south, Name = "Южный", DepartmentName = "Управление" });
        foreach (var (id, municipality, name) in new[] { (_schoolA, _north, "А"), (_schoolB, _north, "Б"), (_schoolC, _south, "В") })
            db.Schools.Add(new School { Id = id, MunicipalityId = municipality, FullName = name, ShortName = name, Address = "адрес", TimeZoneId = "Europe/Moscow" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<AccessScope> LoadAsync(params RoleAssignment[] assignments)
    {
        var user = new AppUser { Id = Guid.NewGuid(), UserName = $"u{Guid.NewGuid():N}", Surname = "Фамилия", GivenName = "Имя" };
        await using (var db = DbContexts.Create(_database))
        {
            db.Users.Add(user);
            foreach (var a in assignments)
            {
                a.Id = Guid.NewGuid();
                a.UserId = user.Id;
                db.RoleAssignments.Add(a);
            }
            await db.SaveChangesAsync();
        }
        await using var reader = DbContexts.Create(_database);
        var scope = await AccessScopeLoader.LoadAsync(reader, user.Id, default);
        Assert.Equal(user.Id, scope.UserId);
        Assert.Equal(assignments.Select(a => a.Id).Order(), scope.Assignments.Select(a => a.Id).Order());
        Assert.All(scope.Assignments, a => Assert.Equal(assignments.Single(x => x.Id == a.Id).Role, a.Role));
        return scope;
    }

    private static RoleAssignment At(Role role, Guid? school = null, Guid? municipality = null) => new() { Role = role, SchoolId = school, MunicipalityId = municipality };

    [Fact]
    public async Task Roles_in_one_school_reach_that_school_and_its_municipality_only()
    {
        var scope = await LoadAsync(At(Role.Teacher, _schoolA), At(Role.Clerk, _schoolA));

        Assert.Equal([_schoolA], scope.SchoolIds);
        Assert.Equal([_north], scope.MunicipalityIds);
        Assert.False(scope.SeesEverything);
        Assert.True(scope.HasSchoolRole(_schoolA, Role.Clerk));
    }

    [Fact]
    public async Task A_municipal_role_reaches_every_school_of_its_municipality_next_to_a_school_role_elsewhere()
    {
        var scope = await LoadAsync(At(Role.DepartmentOfficer, municipality: _north), At(Role.Teacher, _schoolC));

        Assert.Equal(new[] { _schoolA, _schoolB, _schoolC }.Order(), scope.SchoolIds.Order());
        Assert.Equal(new[] { _north, _south }.Order(), scope.MunicipalityIds.Order());
        Assert.True(scope.HasSchoolRole(_schoolB, Role.DepartmentOfficer));
        Assert.False(scope.HasSchoolRole(_schoolC, Role.DepartmentOfficer));
        Assert.False(scope.SeesEverything);
    }

    [Fact]
    public async Task An_installation_administrator_reaches_every_school_and_sees_everything()
    {
        var scope = await LoadAsync(At(Role.Admin));

        Assert.True(scope.SeesEverything);
        Assert.True(scope.IsInstallationAdmin);
        Assert.Equal(new[] { _schoolA, _schoolB, _schoolC }.Order(), scope.SchoolIds.Order());
    }

    [Fact]
    public async Task A_municipal_administrator_is_no_installation_administrator()
    {
        var scope = await LoadAsync(At(Role.Admin, municipality: _south));

        Assert.False(scope.SeesEverything);
        Assert.Equal([_schoolC], scope.SchoolIds);
        Assert.True(scope.HasSchoolRole(_schoolC, Role.Admin));
    }

    [Fact]
    public async Task Someone_without_roles_reaches_nothing()
    {
        var scope = await LoadAsync();

        Assert.Empty(scope.SchoolIds);
        Assert.Empty(scope.MunicipalityIds);
        Assert.False(scope.SeesEverything);
        Assert.False(scope.CanSeeSchool(_schoolA));
    }
}

public sealed class AccessScopeLoaderTests_OnPostgres() : AccessScopeLoaderTests(DatabaseProvider.Postgres);

public sealed class AccessScopeLoaderTests_OnSqlite() : AccessScopeLoaderTests(DatabaseProvider.Sqlite);
