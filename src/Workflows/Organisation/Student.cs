namespace Corrections.Workflows.Organisation;

/// <summary>A student of a class. Names of minors are personal data (152-ФЗ): read only within the school.</summary>
public sealed class Student : ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public Guid ClassId { get; set; }
    public required string Surname { get; set; }
    public required string GivenName { get; set; }
    public string? Patronymic { get; set; }
}
