namespace Corrections.Workflows.Organisation;

/// <summary>A class of a school year, such as «7Б».</summary>
public sealed class SchoolClass : ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public Guid SchoolYearId { get; set; }
    public int Grade { get; set; }
    public string Letter { get; set; } = "";
    /// <summary>Grade and letter as printed: «7Б».</summary>
    public required string Name { get; set; }
}
