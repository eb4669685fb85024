namespace Corrections.Workflows.Locking;

/// <summary>
/// Whether an entry can still be changed directly in the journal. All dates are the school's local
/// dates; the web layer words them («запись ещё можно исправить самостоятельно до …» / «… с …»).
/// The three cases are the only ones: the base constructor is private.
/// </summary>
public abstract record LockStatus
{
    private LockStatus(DateOnly localToday) => LocalToday = localToday;

    /// <summary>The school's local date the status was computed for.</summary>
    public DateOnly LocalToday { get; }

    /// <summary>
    /// Editable directly, no correction request needed. <see cref="EditableThrough"/> is inclusive
    /// (a message saying «до» should add «включительно»); null when the rule never locks.
    /// </summary>
    public sealed record Editable : LockStatus
    {
        public Editable(DateOnly localToday, DateOnly? editableThrough)
            : base(localToday) => EditableThrough = editableThrough;

        public DateOnly? EditableThrough { get; }
    }

    /// <summary>Locked since local midnight starting <see cref="LockedSince"/>; a change needs a correction request.</summary>
    public sealed record Locked : LockStatus
    {
        public Locked(DateOnly localToday, DateOnly lockedSince)
            : base(localToday) => LockedSince = lockedSince;

        public DateOnly LockedSince { get; }

        /// <summary>The last day the entry was editable: the date the web layer may quote as the deadline that passed.</summary>
        public DateOnly LastEditableDay => LockedSince.AddDays(-1);
    }

    /// <summary>The entry is dated after the school's local today and the policy refuses marks «вперёд».</summary>
    public sealed record NotYetAllowed : LockStatus
    {
        public NotYetAllowed(DateOnly localToday, DateOnly entryDate)
            : base(localToday) => EntryDate = entryDate;

        public DateOnly EntryDate { get; }
    }
}
