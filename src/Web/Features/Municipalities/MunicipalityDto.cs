using Corrections.Web.Infrastructure;
using Corrections.Workflows.Organisation;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Municipalities;

public sealed record MunicipalityDto(Guid Id, string Name, string DepartmentName, string? DepartmentAddress, string? DepartmentEmail)
{
    public static MunicipalityDto From(Municipality m) => new(m.Id, m.Name, m.DepartmentName, m.DepartmentAddress, m.DepartmentEmail);
}
