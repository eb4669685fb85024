using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Corrections.Bench;
using Npgsql;

// Engine transitions per second on PostgreSQL, next to `pgbench -N` against the same server in the
// same run (docs/decisions/0007-engine-benchmark.md).
// Usage: scripts/bench.sh [seconds per side and round, default 10] [--rounds=N] [--warmup=N] [--tls] [--profile]
var admin = Environment.GetEnvironmentVariable("CORRECTIONS_TEST_POSTGRES")
    ?? throw new InvalidOperationException("Set CORRECTIONS_TEST_POSTGRES (scripts/bench.sh does) to an admin connection string of the PostgreSQL server.");
var seconds = args.Length > 0 && int.TryParse(args[0], out var s) ? s : 10;
var workflows = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : Path.Combine(AppContext.BaseDirectory, "workflows");
int Option(string name, int fallback)
    => args.FirstOrDefault(a => a.StartsWith($"--{name}=", StringComparison.Ordinal)) is { } given ? int.Parse(given[(name.Length + 3)..], CultureInfo.InvariantCulture) : fallback;
// --profile: count the round trips of each phase of a step and time them instead of comparing with pgbench.
using var profile = args.Contains("--profile") ? new StepProfile() : null;
// --warmup=N: seconds of uncounted engine loop first (each loop), in the profile too. The JIT's tiers
// (and its dynamic PGO) keep recompiling the hot path for the first tens of seconds, and EF Core
// fills its per-query caches: measured from a cold start, a run reports mostly the JIT.
var warmUp = TimeSpan.FromSeconds(Option("warmup", 20));
// --rounds=N: the machine's speed drifts from one ten seconds to the next (a shared virtual machine;
// single runs moved by half), so the sides alternate and each round gives its own ratios.
var rounds = profile is null ? Option("rounds", 3) : 1;
// --tls: both sides over TLS, as libpq and Npgsql prefer when the server offers it. By default both
// sides connect without it: the benchmark runs on loopback, where TLS buys nothing, and .NET's
// SslStream costs each async round trip about three times what the round trip costs without it
// (ADR 0007), which would measure the TLS stack rather than the engine.
var tls = args.Contains("--tls");
var duration = TimeSpan.FromSeconds(seconds);

var engineDb = $"bench_engine_{Guid.NewGuid():N}";
var pgbenchDb = $"bench_pgbench_{Guid.NewGuid():N}";
await ExecuteAsync(admin, $"CREATE DATABASE {engineDb}");
await ExecuteAsync(admin, $"CREATE DATABASE {pgbenchDb}");
try
{
    // pgbench's tables first: their load and vacuum write a burst of WAL that must not fall into a measured round.
    var pgbench = new PgBench(admin, pgbenchDb, tls);
    if (profile is null) pgbench.Initialise();
    await using var engine = await EngineRun.StartAsync(
        new NpgsqlConnectionStringBuilder(admin) { Database = engineDb, SslMode = tls ? SslMode.Prefer : SslMode.Disable }.ToString(), workflows,
        new CpuMeter(admin, engineDb), profile);
    if (warmUp > TimeSpan.Zero)
    {
        await engine.ProcessAsync(warmUp, profile: null);
        await engine.EngineOnlyAsync(warmUp, profile: null);
    }
    if (profile is not null)
    {
        var process = await engine.ProcessAsync(duration, profile);
        var alone = await engine.EngineOnlyAsync(duration, profile);
        profile.Print(process.Transitions + alone.Transitions);
        return;
    }

    var results = new List<(EngineResult Process, EngineResult Alone, PgBenchResult PgBench)>();
    Console.WriteLine($"1 client each, {seconds} s per side and round, after {warmUp.TotalSeconds:0} s of warm-up per engine loop, {(tls ? "TLS" : "no TLS")} on both sides");
    Console.WriteLine("round   process tr/s   engine-only tr/s   pgbench -N tps   process/pgbench   engine-only/pgbench");
    for (var round = 1; round <= rounds; round++)
    {
        var process = await engine.ProcessAsync(duration, profile: null);
        var alone = await engine.EngineOnlyAsync(duration, profile: null);
        var bench = await pgbench.RunAsync(seconds);
        var tps = bench.Tps;
        results.Add((process, alone, bench));
        Console.WriteLine($"{round,5}   {process.PerSecond,12:0.0}   {alone.PerSecond,16:0.0}   {tps,14:0.0}   {process.PerSecond / tps,15:0.00}   {alone.PerSecond / tps,19:0.00}");
    }
    // Where each side's time goes, per transition, over all rounds. With one client the two sides take
    // turns, so wall ≈ the client's work threads + the server + the rest (the commit's WAL flush,
    // loopback). The rest goes below zero where the sides' CPU overlaps: the thread pool's workers spin
    // a moment while they wait for a reply. The client's JIT and GC threads run beside them on the other core.
    static string Ms(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
    static double? Sum(IEnumerable<double?> values) => values.Aggregate((double?)0, (a, v) => a is { } x && v is { } y ? x + y : null);
    Console.WriteLine();
    Console.WriteLine("per transition, all rounds   wall ms   client CPU ms   server CPU ms      rest ms   client JIT/GC threads ms");
    void Cost(string name, double wall, double? client, double? server, double? background)
        => Console.WriteLine($"{name,-26}   {wall,7:0.00}   {Ms(client),13}   {Ms(server),13}   {Ms(wall - client - server),10}   {Ms(background),24}");
    var processTotal = EngineResult.Sum(results.Select(c => c.Process));
    var aloneTotal = EngineResult.Sum(results.Select(c => c.Alone));
    Cost("process", processTotal.WallMs, processTotal.ClientMs, processTotal.ServerMs, processTotal.BackgroundMs);
    Cost("engine only", aloneTotal.WallMs, aloneTotal.ClientMs, aloneTotal.ServerMs, aloneTotal.BackgroundMs);
    var transactions = results.Sum(c => c.PgBench.Transactions);
    Cost("pgbench -N", results.Sum(c => c.PgBench.Transactions / c.PgBench.Tps) * 1000 / transactions,
        Sum(results.Select(c => c.PgBench.ClientCpuSeconds)) * 1000 / transactions, Sum(results.Select(c => c.PgBench.ServerCpuSeconds)) * 1000 / transactions, null);
    static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
    Console.WriteLine();
    Console.WriteLine($"process:     {results.Sum(r => r.Process.Transitions)} transitions, median {Median(results.Select(r => r.Process.PerSecond)):0.0} transitions/s (the correction request with its guards and effects)");
    Console.WriteLine($"engine only: {results.Sum(r => r.Alone.Transitions)} transitions, median {Median(results.Select(r => r.Alone.PerSecond)):0.0} transitions/s (engine-only.json: no guards, no effects)");
    Console.WriteLine($"pgbench -N:  median {Median(results.Select(r => r.PgBench.Tps)):0.0} tps");
    Console.WriteLine($"ratio process / pgbench:     median {Median(results.Select(r => r.Process.PerSecond / r.PgBench.Tps)):0.00} (rounds: {string.Join(", ", results.Select(r => (r.Process.PerSecond / r.PgBench.Tps).ToString("0.00", CultureInfo.InvariantCulture)))})");
    Console.WriteLine($"ratio engine only / pgbench: median {Median(results.Select(r => r.Alone.PerSecond / r.PgBench.Tps)):0.00} (rounds: {string.Join(", ", results.Select(r => (r.Alone.PerSecond / r.PgBench.Tps).ToString("0.00", CultureInfo.InvariantCulture)))})");
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {engineDb} WITH (FORCE)");
    await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {pgbenchDb} WITH (FORCE)");
}

static async Task ExecuteAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

/// <param name="ClientCpuSeconds">CPU of the pgbench process; null where it could not be read.</param>
/// <param name="ServerCpuSeconds">CPU of its backend; null where /proc of the server is not readable.</param>
internal sealed record PgBenchResult(double Tps, long Transactions, double? ClientCpuSeconds, double? ServerCpuSeconds);

/// <summary>pgbench's simple-update workload (-N) with one client, the same as the engine loops.</summary>
internal sealed class PgBench(string admin, string database, bool tls)
{
    private readonly NpgsqlConnectionStringBuilder _server = new(admin);

    private readonly string _binary = Directory.GetFiles("/usr/lib/postgresql", "pgbench", SearchOption.AllDirectories).OrderDescending().FirstOrDefault()
        ?? throw new InvalidOperationException("pgbench not found under /usr/lib/postgresql (Debian package postgresql-contrib / postgresql).");

    public void Initialise() => Execute("-i -q -s 1");

    /// <summary>
    /// Runs the workload and, while it runs, reads the CPU of pgbench and of its backend every 100 ms
    /// (both end with the run, so the last reading stands for the whole; at most 100 ms of each is missed).
    /// </summary>
    public async Task<PgBenchResult> RunAsync(int seconds)
    {
        using var process = Start($"-N -c 1 -j 1 -T {seconds}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        double? client = null;
        var backends = new Dictionary<int, double>();
        while (!process.HasExited)
        {
            client = CpuMeter.ProcessSeconds(process.Id) ?? client;
            foreach (var pid in await CpuMeter.BackendsAsync(admin, database))
                if (CpuMeter.ProcessSeconds(pid) is { } cpu) backends[pid] = cpu;
            await Task.Delay(100);
        }
        await process.WaitForExitAsync();
        var report = await output + await error;
        if (process.ExitCode != 0) throw new InvalidOperationException($"pgbench -N failed: {report}");
        var tps = Regex.Match(report, @"tps = ([0-9.]+)");
        var count = Regex.Match(report, @"number of transactions actually processed: ([0-9]+)");
        if (!tps.Success || !count.Success) throw new InvalidOperationException("No tps in pgbench's report: " + report);
        // The backend started with the run, so all of its CPU is the run's (its connection start-up included).
        return new PgBenchResult(double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(count.Groups[1].Value, CultureInfo.InvariantCulture),
            client, backends.Count == 0 ? null : backends.Values.Sum());
    }

    private Process Start(string arguments)
    {
        var start = new ProcessStartInfo(_binary, $"-h {_server.Host} -p {_server.Port} -U {_server.Username} {arguments} {database}")
        { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PGPASSWORD"] = _server.Password;
        start.Environment["PGSSLMODE"] = tls ? "prefer" : "disable";
        return Process.Start(start)!;
    }

    private string Execute(string arguments)
    {
        using var process = Start(arguments);
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd() + error.Result;
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"pgbench {arguments} failed: {output}");
    }
}
