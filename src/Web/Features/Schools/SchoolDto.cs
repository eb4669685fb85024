using Corrections.Workflows.Organisation;

namespace Corrections.Web.Features.Schools;

public sealed record SchoolDto(
    Guid Id, Guid MunicipalityId, string FullName, string ShortName, string Address,
    string? Phone, string? Email, string? Inn, string? Kpp, string? Ogrn, string TimeZone)
{
    public static SchoolDto From(School s) => new(s.Id, s.MunicipalityId, s.FullName, s.ShortName, s.Address, s.Phone, s.Email, s.Inn, s.Kpp, s.Ogrn, s.TimeZoneId);
}
