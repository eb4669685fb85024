using System.Security.Cryptography;
using System.Text;

namespace Corrections.Workflows.Records;

/// <summary>
/// One line of the audit log: who (and in which role, from which address), when, what was done to
/// which object, before → after. Append-only and tamper-evident: each line carries the hash of the
/// previous one, so changing or removing a line breaks the chain from there on.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? SchoolId { get; set; }
    public Guid? ActorId { get; set; }
    public string? ActorRole { get; set; }
    public string? Address { get; set; }
    public required string Action { get; set; }
    public required string ObjectType { get; set; }
    public required string ObjectId { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }

    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The hash of this line's content and the previous line's hash.</summary>
    public string ComputeHash()
    {
        var text = string.Join('\u001F',
            Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), At.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            SchoolId?.ToString() ?? "", ActorId?.ToString() ?? "", ActorRole ?? "", Address ?? "", Action, ObjectType, ObjectId, Before ?? "", After ?? "", PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}

/// <summary>The result of checking the chain: the first line that does not fit, if any.</summary>
public sealed record AuditVerification(long Checked, long? BrokenAt, string? Problem)
{
    public bool IsIntact => BrokenAt is null;
}
