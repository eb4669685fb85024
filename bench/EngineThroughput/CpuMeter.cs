using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Corrections.Bench;

/// <summary>
/// Where a loop's time goes, beside its rate: the CPU this process used (EF Core, Npgsql, the engine,
/// the kernel's share of its sockets) and the CPU of the PostgreSQL backends serving one database,
/// read from /proc (the server runs on this machine, as scripts/bench.sh starts it). With one client
/// every round trip waits for the other side, so wall time ≈ client CPU + server CPU + the rest, which
/// neither spends on the CPU (the WAL flush of each commit, loopback latency), and the figures say which side
/// to work on. Where /proc of the server is not readable the server's share is not reported.
/// </summary>
public sealed class CpuMeter(string admin, string database)
{
    // Linux reports /proc/<pid>/stat times in USER_HZ, 100 per second on the kernels Debian builds.
    private const double TicksPerSecond = 100;

    /// <param name="Threads">CPU ticks of each thread of this process so far, with the thread's name.</param>
    public sealed record Reading(IReadOnlyDictionary<int, (string Name, long Ticks)> Threads, IReadOnlyDictionary<int, long> Backends);

    /// <summary>CPU used so far by this process's threads and by every backend now connected to the database.</summary>
    /// <param name="clientLast">Read this process's threads after the query for the backends (a loop starting), else before it (a loop stopping), so the query's own CPU stays outside the loop.</param>
    public async Task<Reading> ReadAsync(bool clientLast)
    {
        var threads = clientLast ? null : Threads();
        var backends = new Dictionary<int, long>();
        foreach (var pid in await BackendsAsync(admin, database))
            if (ProcessTicks(pid) is { } ticks) backends[pid] = ticks;
        return new Reading(threads ?? Threads(), backends);
    }

    /// <summary>
    /// The threads that run the work itself: the thread pool's workers (every continuation of the
    /// async code), the socket event thread and the main thread. The others (the JIT's tiering thread,
    /// the GC's) run beside them on the second core, so their CPU is not on the critical path of a step.
    /// </summary>
    private static bool IsWorkThread(int tid, string name) => tid == Environment.ProcessId
        || name.Contains("TP Worker", StringComparison.Ordinal) || name.Contains("Sockets", StringComparison.Ordinal);

    /// <summary>
    /// CPU between two readings of the threads doing the work, and of the others. A thread seen only in
    /// the later one counts from zero; one that ended between them is lost (the pool keeps busy workers).
    /// </summary>
    public static (TimeSpan Work, TimeSpan Background) ClientSeconds(Reading from, Reading to)
    {
        long work = 0, background = 0;
        foreach (var (tid, (name, ticks)) in to.Threads)
        {
            var delta = ticks - (from.Threads.TryGetValue(tid, out var before) ? before.Ticks : 0);
            if (IsWorkThread(tid, name)) work += delta; else background += delta;
        }
        return (TimeSpan.FromSeconds(work / TicksPerSecond), TimeSpan.FromSeconds(background / TicksPerSecond));
    }

    private static Dictionary<int, (string, long)> Threads()
    {
        var threads = new Dictionary<int, (string, long)>();
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            var tid = int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture);
            try
            {
                if (Ticks(File.ReadAllText(Path.Combine(task, "stat"))) is { } ticks) threads[tid] = (File.ReadAllText(Path.Combine(task, "comm")).Trim(), ticks);
            }
            catch (IOException)
            {
                // The thread ended between the listing and the read: the pool retires idle workers.
            }
        }
        return threads;
    }

    /// <summary>Server CPU between two readings (null if no backend could be read): a backend seen only in the later one counts from zero.</summary>
    public static double? ServerSeconds(Reading from, Reading to)
        => to.Backends.Count == 0 ? null
            : to.Backends.Sum(b => b.Value - from.Backends.GetValueOrDefault(b.Key)) / TicksPerSecond;

    /// <summary>User plus system time of a process in seconds, or null if it is gone or not readable.</summary>
    public static double? ProcessSeconds(int pid) => ProcessTicks(pid) / TicksPerSecond;

    public static async Task<IReadOnlyList<int>> BackendsAsync(string admin, string database)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = @db AND backend_type = 'client backend'", connection);
        command.Parameters.AddWithValue("db", database);
        var pids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) pids.Add(reader.GetInt32(0));
        return pids;
    }

    /// <summary>User plus system time of a process in ticks, or null if it is gone or not readable.</summary>
    private static long? ProcessTicks(int pid)
    {
        try
        {
            return Ticks(File.ReadAllText($"/proc/{pid}/stat"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long? Ticks(string stat)
    {
        // The command name in parentheses may hold spaces: the fields are counted after its closing one.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 12 && long.TryParse(fields[11], CultureInfo.InvariantCulture, out var user) && long.TryParse(fields[12], CultureInfo.InvariantCulture, out var system)
            ? user + system : null;
    }
}

/// <summary>A loop's totals: its wall time, its CPU on each side, and the pauses taken out of all three.</summary>
public sealed class LoopMeter(CpuMeter meter)
{
    private readonly Stopwatch _wall = new();
    private CpuMeter.Reading? _start;
    private TimeSpan _client, _background;
    private double? _server = 0;

    public TimeSpan Elapsed => _wall.Elapsed;
    /// <summary>CPU of the threads that run the steps.</summary>
    public TimeSpan ClientCpu => _client;
    /// <summary>CPU of the process's other threads (JIT, GC) in the same time.</summary>
    public TimeSpan BackgroundCpu => _background;
    public double? ServerCpuSeconds => _server;

    public async Task StartAsync()
    {
        _start = await meter.ReadAsync(clientLast: true);
        _wall.Start();
    }

    /// <summary>Stops the clocks (for a fixture that is not measured, or at the end of the loop).</summary>
    public async Task PauseAsync()
    {
        _wall.Stop();
        var now = await meter.ReadAsync(clientLast: false);
        var (work, background) = CpuMeter.ClientSeconds(_start!, now);
        _client += work;
        _background += background;
        _server = _server is { } s && CpuMeter.ServerSeconds(_start!, now) is { } d ? s + d : null;
    }
}
