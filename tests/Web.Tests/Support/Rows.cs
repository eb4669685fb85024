using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Tests.Support;

/// <summary>Row counts of every table the admin API can write, to prove a refused request wrote nothing.</summary>
public static class Rows
{
    public static async Task<string> CountAsync(AppFixture app)
    {
        await using var db = app.Db();
        var counts = new[]
        {
            await db.Municipalities.CountAsync(), await db.Schools.CountAsync(), await db.SchoolYears.CountAsync(),
            await db.StudyPeriods.CountAsync(), await db.Classes.CountAsync(), await db.Students.CountAsync(),
            await db.Subjects.CountAsync(), await db.TeachingAssignments.CountAsync(), await db.Users.CountAsync(),
            await db.RoleAssignments.CountAsync(),
        };
        return string.Join(",", counts);
    }
}
