namespace Corrections.Workflows.Organisation;

/// <summary>A school (образовательная организация): the tenant every other row belongs to.</summary>
public sealed class School
{
    public Guid Id { get; set; }
    public Guid MunicipalityId { get; set; }
    public Municipality? Municipality { get; set; }
    public required string FullName { get; set; }
    public required string ShortName { get; set; }
    public required string Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    /// <summary>ИНН of the school as a legal entity (10 digits).</summary>
    public string? Inn { get; set; }
    /// <summary>КПП (9 characters).</summary>
    public string? Kpp { get; set; }
    /// <summary>ОГРН (13 digits).</summary>
    public string? Ogrn { get; set; }
    /// <summary>IANA time zone id; legal dates (lock periods, registration dates) are local dates in it.</summary>
    public required string TimeZoneId { get; set; }
}
