namespace Corrections.Workflows.Locking;

/// <summary>
/// Point 1 of the regulation as one municipality or school sets it: a rule for every kind of entry
/// and whether marks «вперёд» (for dates after the school's local today) are refused.
/// Every kind is a constructor parameter so that a policy cannot be missing one.
/// </summary>
public sealed record LockPolicy
{
    public LockPolicy(
        string name,
        LockRule currentMark,
        LockRule attendance,
        LockRule controlWork,
        LockRule practicalWork,
        LockRule writtenWork,
        LockRule periodMark,
        bool noMarksAhead)
    {
        Name = name;
        CurrentMark = currentMark;
        Attendance = attendance;
        ControlWork = controlWork;
        PracticalWork = practicalWork;
        WrittenWork = writtenWork;
        PeriodMark = periodMark;
        NoMarksAhead = noMarksAhead;
    }

    // The init accessors validate, so `with` cannot produce a nameless policy or a missing rule either.
    public string Name
    {
        get;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(Name));
            field = value;
        }
    }

    public LockRule CurrentMark { get; init => field = Required(value, nameof(CurrentMark)); }
    public LockRule Attendance { get; init => field = Required(value, nameof(Attendance)); }
    public LockRule ControlWork { get; init => field = Required(value, nameof(ControlWork)); }
    public LockRule PracticalWork { get; init => field = Required(value, nameof(PracticalWork)); }
    public LockRule WrittenWork { get; init => field = Required(value, nameof(WrittenWork)); }
    public LockRule PeriodMark { get; init => field = Required(value, nameof(PeriodMark)); }

    /// <summary>Refuse any entry dated after the school's local today.</summary>
    public bool NoMarksAhead { get; init; }

    public LockRule RuleFor(EntryKind kind) => kind switch
    {
        EntryKind.CurrentMark => CurrentMark,
        EntryKind.Attendance => Attendance,
        EntryKind.ControlWork => ControlWork,
        EntryKind.PracticalWork => PracticalWork,
        EntryKind.WrittenWork => WrittenWork,
        EntryKind.PeriodMark => PeriodMark,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of entry."),
    };

    /// <summary>The same policy with one kind's rule replaced: a school's override of its municipality's policy.</summary>
    public LockPolicy WithRule(EntryKind kind, LockRule rule) => kind switch
    {
        EntryKind.CurrentMark => this with { CurrentMark = rule },
        EntryKind.Attendance => this with { Attendance = rule },
        EntryKind.ControlWork => this with { ControlWork = rule },
        EntryKind.PracticalWork => this with { PracticalWork = rule },
        EntryKind.WrittenWork => this with { WrittenWork = rule },
        EntryKind.PeriodMark => this with { PeriodMark = rule },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of entry."),
    };

    private static LockRule Required(LockRule value, string name) => value ?? throw new ArgumentNullException(name);
}
