using Corrections.Workflows.Organisation;

namespace Corrections.Web.Demo;

/// <summary>The fixed facts of one demo school; students and dates are generated.</summary>
internal sealed record DemoSchool(
    string Key, string FullName, string ShortName, string Address, string Phone, string Email,
    string Inn, string Kpp, string Ogrn, string TimeZoneId, PeriodKind PeriodKind,
    (string Surname, string GivenName, string Patronymic)[] Staff);
