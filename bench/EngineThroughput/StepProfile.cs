using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Corrections.Bench;

/// <summary>
/// Counts the database round trips of each step and where its time goes (`--profile`): every command
/// EF Core executes is one round trip (Npgsql sends a batch as one), and so is every commit or
/// rollback; BEGIN travels with the next command. The profile run is never the measured run.
/// </summary>
public sealed class StepProfile : DbCommandInterceptor, IDbTransactionInterceptor, IDisposable
{
    private readonly ActivityListener _npgsql;

    /// <summary>Also listens to Npgsql's own command activities, which see commands EF Core does not run itself (savepoints).</summary>
    public StepProfile()
    {
        _npgsql = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => _phases.GetOrAdd(_current, _ => new Phase()).NpgsqlCommands++,
        };
        ActivitySource.AddActivityListener(_npgsql);
    }

    public void Dispose() => _npgsql.Dispose();

    private readonly ConcurrentDictionary<string, Phase> _phases = new(StringComparer.Ordinal);
    private string _current = "(none)";
    private long _dbTicks;

    private sealed class Phase
    {
        public long Count { get; set; }
        public long RoundTrips { get; set; }
        public long Ticks { get; set; }
        public long DbTicks { get; set; }
        public long Compilations { get; set; }
        public long NpgsqlCommands { get; set; }
        public ConcurrentDictionary<string, (int Count, long Ticks)> Commands { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Attributes the round trips and time of <paramref name="work"/> to <paramref name="name"/>.</summary>
    public async Task<T> MeasureAsync<T>(string name, Func<Task<T>> work)
    {
        var phase = _phases.GetOrAdd(name, _ => new Phase());
        var previous = _current;
        _current = name;
        var db = _dbTicks;
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await work();
        }
        finally
        {
            phase.Ticks += Stopwatch.GetTimestamp() - start;
            phase.DbTicks += _dbTicks - db;
            phase.Count++;
            _current = previous;
        }
    }

    private void Count(string what, long started)
    {
        var ticks = Stopwatch.GetTimestamp() - started;
        _dbTicks += ticks;
        var phase = _phases.GetOrAdd(_current, _ => new Phase());
        phase.RoundTrips++;
        var key = what.Length > 110 ? what[..110] : what;
        phase.Commands.AddOrUpdate(key.ReplaceLineEndings(" "), (1, ticks), (_, c) => (c.Count + 1, c.Ticks + ticks));
    }

    private long _started;

    /// <summary>Counts the LINQ queries EF Core had to compile (a miss of its query cache).</summary>
    public void QueryCompiled() => _phases.GetOrAdd(_current, _ => new Phase()).Compilations++;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    { _started = Stopwatch.GetTimestamp(); return result; }
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    { _started = Stopwatch.GetTimestamp(); return ValueTask.FromResult(result); }
    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    { _started = Stopwatch.GetTimestamp(); return result; }
    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    { _started = Stopwatch.GetTimestamp(); return ValueTask.FromResult(result); }
    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    { _started = Stopwatch.GetTimestamp(); return result; }
    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default)
    { _started = Stopwatch.GetTimestamp(); return ValueTask.FromResult(result); }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    { Count(command.CommandText, _started); return result; }
    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken ct = default)
    { Count(command.CommandText, _started); return ValueTask.FromResult(result); }
    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    { Count(command.CommandText, _started); return result; }
    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken ct = default)
    { Count(command.CommandText, _started); return ValueTask.FromResult(result); }
    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    { Count(command.CommandText, _started); return result; }
    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken ct = default)
    { Count(command.CommandText, _started); return ValueTask.FromResult(result); }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken ct = default)
    { _started = Stopwatch.GetTimestamp(); return ValueTask.FromResult(result); }
    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    { _started = Stopwatch.GetTimestamp(); return result; }
    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    { Count("COMMIT", _started); return Task.CompletedTask; }
    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Count("COMMIT", _started);
    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    { Count("ROLLBACK", _started); return Task.CompletedTask; }
    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Count("ROLLBACK", _started);
    public InterceptionResult CreatingSavepoint(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    { _started = Stopwatch.GetTimestamp(); return result; }
    public ValueTask<InterceptionResult> CreatingSavepointAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken ct = default)
    { _started = Stopwatch.GetTimestamp(); return ValueTask.FromResult(result); }
    public void CreatedSavepoint(DbTransaction transaction, TransactionEventData eventData) => Count("SAVEPOINT", _started);
    public Task CreatedSavepointAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken ct = default)
    { Count("SAVEPOINT", _started); return Task.CompletedTask; }
    public InterceptionResult ReleasingSavepoint(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    { _started = Stopwatch.GetTimestamp(); return result; }
    public ValueTask<InterceptionResult> ReleasingSavepointAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken ct = default)
    { _started = Stopwatch.GetTimestamp(); return ValueTask.FromResult(result); }
    public void ReleasedSavepoint(DbTransaction transaction, TransactionEventData eventData) => Count("RELEASE SAVEPOINT", _started);
    public Task ReleasedSavepointAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken ct = default)
    { Count("RELEASE SAVEPOINT", _started); return Task.CompletedTask; }

    /// <summary>Forgets what the warm-up counted, so the profile shows the steady state.</summary>
    public void Reset() => _phases.Clear();

    public void Print(long transitions)
    {
        Console.WriteLine();
        Console.WriteLine("phase                      count   round trips/each   ms/each   of which in db   compilations/each   Npgsql commands/each");
        long trips = 0;
        foreach (var (name, p) in _phases.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (p.Count == 0) continue;
            trips += p.RoundTrips;
            Console.WriteLine($"{name,-26} {p.Count,5}   {(double)p.RoundTrips / p.Count,16:0.0}   {Stopwatch.GetElapsedTime(0, p.Ticks).TotalMilliseconds / p.Count,7:0.00}   {Stopwatch.GetElapsedTime(0, p.DbTicks).TotalMilliseconds / p.Count,7:0.00}   {(double)p.Compilations / p.Count,7:0.00}   {(double)p.NpgsqlCommands / p.Count,7:0.0}");
        }
        Console.WriteLine($"round trips per transition (creation included): {(double)trips / transitions:0.0}");
        Console.WriteLine();
        foreach (var (name, p) in _phases.OrderBy(p => p.Key, StringComparer.Ordinal).Where(p => p.Value.Count > 0))
        {
            Console.WriteLine($"== {name}");
            foreach (var (sql, c) in p.Commands.OrderByDescending(c => c.Value.Ticks))
                Console.WriteLine($"  {(double)c.Count / p.Count,4:0.0} × {Stopwatch.GetElapsedTime(0, c.Ticks).TotalMilliseconds / c.Count,5:0.00} ms  {sql}");
        }
    }
}
