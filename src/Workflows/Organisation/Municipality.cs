namespace Corrections.Workflows.Organisation;

/// <summary>A municipality and its education department, which decides escalated disputes for all its schools.</summary>
public sealed class Municipality
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Full name of the education department (департамент / управление образования), as on letters.</summary>
    public required string DepartmentName { get; set; }
    public string? DepartmentAddress { get; set; }
    public string? DepartmentEmail { get; set; }
}
