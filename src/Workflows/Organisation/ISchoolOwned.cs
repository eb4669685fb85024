namespace Corrections.Workflows.Organisation;

/// <summary>
/// A row that belongs to one school. The DbContext filters every query on such rows by the
/// caller's schools and refuses to save one outside them (see docs/decisions/0003-school-scoping.md).
/// </summary>
public interface ISchoolOwned
{
    Guid SchoolId { get; }
}
