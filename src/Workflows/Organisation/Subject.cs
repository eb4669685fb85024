namespace Corrections.Workflows.Organisation;

public sealed class Subject : ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public required string Name { get; set; }
}

/// <summary>Who teaches which subject in which class: the teacher of record on the change table.</summary>
public sealed class TeachingAssignment : ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public Guid TeacherId { get; set; }
    public Guid ClassId { get; set; }
    public Guid SubjectId { get; set; }
}
