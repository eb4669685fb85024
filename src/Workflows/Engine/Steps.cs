using System.Text.Json;
using Corrections.Workflows.Access;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Workflows.Engine;

/// <summary>Who takes a step: a person with their access scope, or the system (timers, signals).</summary>
public sealed record Actor(Guid UserId, AccessScope Scope)
{
    public static Actor? System => null;
}

/// <summary>What guards and effects see of the step being taken.</summary>
public sealed class StepContext
{
    public required CorrectionsDbContext Db { get; init; }
    public required WorkflowDefinition Definition { get; init; }
    public required WorkflowInstance Instance { get; init; }
    public required TransitionDefinition Transition { get; init; }
    public required string FromState { get; init; }
    public Actor? Actor { get; init; }
    /// <summary>The role in which the actor acts («initiator», «Director», …); null for the system.</summary>
    public string? ActorRole { get; init; }
    public string? Reason { get; init; }
    public JsonElement? Payload { get; init; }
    public DateTimeOffset Now { get; init; }

    /// <summary>Read once per step and shared by its guards, effects and the engine.</summary>
    internal SchoolFactsReader SchoolReader { get; init; } = new(DateOnly.MinValue);

    /// <summary>The instance's school as the step sees it: zone, municipality, name and settings.</summary>
    public Task<SchoolFacts> SchoolAsync(CancellationToken ct) => SchoolReader.ReadAsync(Db, Instance.SchoolId, ct);

    private readonly Dictionary<Type, object> _shared = [];

    /// <summary>
    /// What a guard reads and another guard or an effect of the same step needs again (the case a
    /// request is filed into, the request and its entries): read on first use and kept for the rest of
    /// the step, like the school's facts, so the step's checks and writes work on the same reading
    /// and the database is asked once. One value per type: give each reading a type of its own.
    /// </summary>
    public async Task<T> SharedAsync<T>(Func<Task<T>> read) where T : class
    {
        if (_shared.TryGetValue(typeof(T), out var known)) return (T)known;
        var value = await read();
        _shared[typeof(T)] = value;
        return value;
    }
}

/// <summary>What a step needs of the instance's school (through the school filter, like any read of the step).</summary>
public sealed record SchoolFacts(Guid Id, Guid MunicipalityId, string ShortName, string TimeZoneId, IReadOnlyDictionary<string, string> Settings, WorkingCalendar Calendar);

/// <summary>Reads a school's facts on first use in one round trip and keeps them for the rest of the step.</summary>
/// <param name="calendarFrom">
/// The first date of the working calendar to read: due dates are counted forward from the step, and a
/// reminder at most a few days back from one, so a month before today keeps the read small while the
/// school's list of holidays grows year by year.
/// </param>
internal sealed class SchoolFactsReader(DateOnly calendarFrom)
{
    private SchoolFacts? _facts;

    public SchoolFactsReader(TimeProvider clock) : this(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-31))
    {
    }

    public async Task<SchoolFacts> ReadAsync(CorrectionsDbContext db, Guid schoolId, CancellationToken ct)
    {
        if (_facts?.Id == schoolId) return _facts;
        // One round trip for both lists: a handful of settings times the year's few holidays is a small product.
        var school = await db.Schools.AsNoTracking().AsSingleQuery().Where(s => s.Id == schoolId)
            .Select(s => new
            {
                s.Id, s.MunicipalityId, s.ShortName, s.TimeZoneId,
                Settings = db.SchoolSettings.Where(x => x.SchoolId == s.Id).Select(x => new { x.Name, x.Value }).ToList(),
                Days = db.CalendarDays.Where(d => d.SchoolId == s.Id && d.Date >= calendarFrom).Select(d => new { d.Date, d.Kind }).ToList(),
            })
            .SingleAsync(ct);
        var settings = school.Settings.ToDictionary(x => x.Name, x => x.Value, StringComparer.Ordinal);
        return _facts = new SchoolFacts(school.Id, school.MunicipalityId, school.ShortName, school.TimeZoneId, settings,
            new WorkingCalendar(school.TimeZoneId, WorkingCalendar.WeekDaysFrom(settings), school.Days.ToDictionary(d => d.Date, d => d.Kind)));
    }
}

/// <param name="RefusalKey">Resource key of the Russian message shown when the guard refuses.</param>
public sealed record GuardResult(bool Passed, string? RefusalKey = null, params object[] Args)
{
    public static GuardResult Pass { get; } = new(true);

    public static GuardResult Refuse(string key, params object[] args) => new(false, key, args);
}

/// <summary>A named condition of a transition, referenced from the definition files.</summary>
public interface IWorkflowGuard
{
    string Name { get; }

    Task<GuardResult> CheckAsync(StepContext step, CancellationToken ct);
}

/// <summary>A named side effect of a transition or timer, run inside the step's transaction.</summary>
public interface IWorkflowEffect
{
    string Name { get; }

    Task RunAsync(StepContext step, CancellationToken ct);
}

public enum StepFault
{
    UnknownAction,
    WrongState,
    NotAllowed,
    OwnRequest,
    ReasonRequired,
    StaleRevision,
    GuardRefused,
}

/// <summary>A refused step. Nothing was written; <see cref="MessageKey"/> says why in Russian.</summary>
public sealed class StepRefusedException(StepFault fault, string messageKey, params object[] args)
    : Exception($"{fault}: {messageKey}")
{
    public StepFault Fault { get; } = fault;
    public string MessageKey { get; } = messageKey;
    public object[] Args { get; } = args;

    /// <summary>
    /// Rows to save although the step rolled back: the record of a failed call to an external system,
    /// so the request can show why it did not move. The caller saves them with its refusal.
    /// </summary>
    public IReadOnlyList<object> KeepAfterRollback { get; init; } = [];
}
