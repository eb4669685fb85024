namespace Corrections.Workflows.Records;

/// <summary>
/// A decision confirmed by re-entering the password: a simple electronic signature (63-ФЗ, art. 9)
/// of who decided what, when, over which text. The hash is of the application as it stood when
/// signed (its paper model's texts, <see cref="IssuedDocument.HashOf"/>), so a printout can be matched.
/// </summary>
public sealed class DecisionSignature : Organisation.ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public Guid RequestId { get; set; }
    public Guid SignerId { get; set; }
    /// <summary>The action signed: approve, reject, escalate, department-approve, …</summary>
    public required string Action { get; set; }
    /// <summary>The revision of the request the decision produced.</summary>
    public int Revision { get; set; }
    public required string DocumentSha256 { get; set; }
    public DateTimeOffset SignedAt { get; set; }
}
