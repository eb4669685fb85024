using System.Diagnostics;
using System.Text.RegularExpressions;
using Corrections.Bench;
using Npgsql;

// Engine transitions per second on PostgreSQL, next to `pgbench -N` against the same server in the
// same run (docs/decisions/0007-engine-benchmark.md). Usage: scripts/bench.sh [seconds] [--warmup=N] [--profile]
var admin = Environment.GetEnvironmentVariable("CORRECTIONS_TEST_POSTGRES")
    ?? throw new InvalidOperationException("Set CORRECTIONS_TEST_POSTGRES (scripts/bench.sh does) to an admin connection string of the PostgreSQL server.");
var seconds = args.Length > 0 && int.TryParse(args[0], out var s) ? s : 15;
var workflows = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : Path.Combine(AppContext.BaseDirectory, "workflows");
// --profile: count the round trips of each phase of a step and time them instead of comparing with pgbench.
using var profile = args.Contains("--profile") ? new StepProfile() : null;
// --warmup=N: seconds of the same loop before the measured run (default 20), in the profile too.
var warmUpArgument = args.FirstOrDefault(a => a.StartsWith("--warmup=", StringComparison.Ordinal));
var warmUp = TimeSpan.FromSeconds(warmUpArgument is null ? 20 : int.Parse(warmUpArgument["--warmup=".Length..], System.Globalization.CultureInfo.InvariantCulture));

// --tls: both sides over TLS, as libpq and Npgsql prefer when the server offers it. By default both
// sides connect without it: the benchmark runs on loopback, where TLS buys nothing, and .NET's
// SslStream costs each async round trip about three times what the round trip costs without it
// (ADR 0007), which would measure the TLS stack rather than the engine.
var tls = args.Contains("--tls");
var engineDb = $"bench_engine_{Guid.NewGuid():N}";
var pgbenchDb = $"bench_pgbench_{Guid.NewGuid():N}";
await ExecuteAsync(admin, $"CREATE DATABASE {engineDb}");
await ExecuteAsync(admin, $"CREATE DATABASE {pgbenchDb}");
try
{
    var engines = await EngineRun.RunAsync(new NpgsqlConnectionStringBuilder(admin) { Database = engineDb, SslMode = tls ? SslMode.Prefer : SslMode.Disable }.ToString(), workflows, TimeSpan.FromSeconds(seconds), warmUp, profile);
    if (profile is not null) return;
    var pgbench = await PgBenchAsync(admin, pgbenchDb, seconds, tls);

    Console.WriteLine();
    var (process, alone) = (engines.Process, engines.EngineOnly);
    Console.WriteLine($"process:     {process.Transitions} transitions in {process.Elapsed.TotalSeconds:0.0} s = {process.PerSecond:0.0} transitions/s (correction request with its guards and effects; 1 client, after {warmUp.TotalSeconds:0} s of warm-up, {(tls ? "TLS" : "no TLS")})");
    Console.WriteLine($"engine only: {alone.Transitions} transitions in {alone.Elapsed.TotalSeconds:0.0} s = {alone.PerSecond:0.0} transitions/s (no guards, no effects; 1 client, after {warmUp.TotalSeconds / 2:0} s of warm-up)");
    Console.WriteLine($"pgbench -N:  {pgbench:0.0} tps (1 client, {seconds} s, {(tls ? "TLS" : "no TLS")})");
    Console.WriteLine($"ratio process / pgbench:     {process.PerSecond / pgbench:0.00}");
    Console.WriteLine($"ratio engine only / pgbench: {alone.PerSecond / pgbench:0.00}");
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

// pgbench's simple-update workload (-N) with one client, the same as the engine loop.
static async Task<double> PgBenchAsync(string admin, string database, int seconds, bool tls)
{
    var builder = new NpgsqlConnectionStringBuilder(admin);
    var pgbench = Directory.GetFiles("/usr/lib/postgresql", "pgbench", SearchOption.AllDirectories).OrderDescending().FirstOrDefault()
        ?? throw new InvalidOperationException("pgbench not found under /usr/lib/postgresql (Debian package postgresql-contrib / postgresql).");
    string Run(string arguments)
    {
        var start = new ProcessStartInfo(pgbench, $"-h {builder.Host} -p {builder.Port} -U {builder.Username} {arguments} {database}")
        { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PGPASSWORD"] = builder.Password;
        start.Environment["PGSSLMODE"] = tls ? "prefer" : "disable";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"pgbench {arguments} failed: {output}");
        return output;
    }
    await Task.Yield();
    Run("-i -q -s 1");
    var report = Run($"-N -c 1 -j 1 -T {seconds}");
    var tps = Regex.Match(report, @"tps = ([0-9.]+)");
    return tps.Success ? double.Parse(tps.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
        : throw new InvalidOperationException("No tps in pgbench's report: " + report);
}
