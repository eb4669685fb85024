using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Features.Requests;

public sealed record GroundDto(Guid Id, string Code, string Title, bool IsRetake, IReadOnlyList<string> RequiredDocuments);

/// <summary>GET /api/v1/schools/{schoolId}/grounds: the school's valid reasons and the documents each requires.</summary>
public static class ListGrounds
{
    public static void Map(IEndpointRouteBuilder school) => school.MapGet("/grounds", Handle).WithTags("Requests");

    public static async Task<Ok<List<GroundDto>>> Handle(Guid schoolId, CorrectionsDbContext db, CancellationToken ct)
    {
        var grounds = await db.Grounds.AsNoTracking().Where(g => g.SchoolId == schoolId && g.IsActive).OrderBy(g => g.Title).ToListAsync(ct);
        return TypedResults.Ok(grounds.ConvertAll(g => new GroundDto(g.Id, g.Code, g.Title, g.IsRetake, g.RequiredDocuments)));
    }
}
