using System.Diagnostics;
using System.Globalization;
using Corrections.Bench;
using Npgsql;

// The director's inbox with 10,000 requests in one school, served by the real app over HTTP
// (docs/decisions/0013-inbox-benchmark.md). Usage: scripts/bench-inbox.sh [requests] [measured requests per run] [--keep]
// --keep leaves the database and the app's log for a look afterwards (EXPLAIN, the app's SQL log).
var admin = Environment.GetEnvironmentVariable("CORRECTIONS_TEST_POSTGRES")
    ?? throw new InvalidOperationException("Set CORRECTIONS_TEST_POSTGRES (scripts/bench-inbox.sh does) to an admin connection string of the PostgreSQL server.");
var keep = args.Contains("--keep");
var numbers = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();
var requests = numbers.Count > 0 ? numbers[0] : 10_000;
var measured = numbers.Count > 1 ? numbers[1] : 1_000;
const int WarmUp = 50;
const int Clients = 4;
// The demo's password: DemoSeeder.Password in src/Web/Demo/DemoSeeder.cs.
const string Password = "Demo-Parol-2026";

var repository = Repository(Directory.GetCurrentDirectory()) ?? Repository(AppContext.BaseDirectory)
    ?? throw new InvalidOperationException("Run from the repository (the folder with Corrections.sln).");
var database = $"bench_inbox_{Guid.NewGuid():N}";
await ExecuteAsync(admin, $"CREATE DATABASE {database}");
try
{
    var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ToString();
    Console.WriteLine($"== starting the app (Release, PostgreSQL database {database}): it migrates and seeds the demo");
    var started = Stopwatch.StartNew();
    await using var app = await WebApp.StartAsync(repository, connectionString, TimeSpan.FromMinutes(3), keep);
    Console.WriteLine($"   serving {app.BaseAddress} after {started.Elapsed.TotalSeconds:0.0} s");

    Console.WriteLine($"== seeding {requests} requests into «{InboxSeed.SchoolName}»");
    var seed = await InboxSeed.RunAsync(connectionString, requests, DateTimeOffset.UtcNow);
    Console.WriteLine($"   {seed.Rows} rows in {seed.Elapsed.TotalSeconds:0.0} s: {seed.DirectorTasks} wait for the director ({seed.Overdue} overdue), the rest for the clerk or finished");

    using var director = await app.SignInAsync(InboxSeed.Director, Password);
    // The page's sentence (Inbox.Summary in SharedResource.resx): every task of the director is counted.
    var expected = $"Задач: {seed.DirectorTasks},";
    var deep = $"/Inbox?p={Math.Min(100, (seed.DirectorTasks + 49) / 50)}";
    Console.WriteLine($"== warming up ({WarmUp} requests of each page)");
    await Latency.MeasureAsync(director, "/Inbox", expected, WarmUp);
    await Latency.MeasureAsync(director, deep, expected, WarmUp);

    Console.WriteLine($"== measuring {measured} requests per run");
    var results = new List<LatencyResult>
    {
        await Latency.MeasureAsync(director, "/Inbox", expected, measured),
        await Latency.MeasureAsync(director, deep, expected, measured),
        await Latency.MeasureAsync(director, "/Inbox", expected, measured, Clients),
    };
    // The API's inbox lists every open task of the caller at once (no pages): fewer runs of it.
    await Latency.MeasureAsync(director, "/api/v1/inbox", "\"requestId\"", 5);
    results.Add(await Latency.MeasureAsync(director, "/api/v1/inbox", "\"requestId\"", Math.Max(10, measured / 20)));
    Console.WriteLine();
    Console.WriteLine($"Director's inbox, {seed.Requests} requests in one school ({seed.DirectorTasks} waiting for the director), {Environment.ProcessorCount} cores:");
    Console.WriteLine(LatencyResult.Header);
    foreach (var result in results) Console.WriteLine(result.Row());
}
finally
{
    NpgsqlConnection.ClearAllPools();
    if (keep) Console.WriteLine($"Kept: database {database} (drop it with DROP DATABASE {database} WITH (FORCE)).");
    else await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
}

static string? Repository(string folder)
{
    for (var at = new DirectoryInfo(folder); at is not null; at = at.Parent)
        if (File.Exists(Path.Combine(at.FullName, "Corrections.sln"))) return at.FullName;
    return null;
}

static async Task ExecuteAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}
