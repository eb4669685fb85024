namespace Corrections.Workflows.Organisation;

/// <summary>
/// A school's own value of a named setting of the processes («unlock-hours», «decision-working-days»);
/// without a row the definition's default applies.
/// </summary>
public sealed class SchoolSetting : ISchoolOwned
{
    public Guid SchoolId { get; set; }
    public required string Name { get; set; }
    public required string Value { get; set; }
}
