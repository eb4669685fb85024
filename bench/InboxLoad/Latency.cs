using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Corrections.Bench;

public sealed record LatencyResult(string Name, int Clients, double[] Milliseconds, TimeSpan Elapsed)
{
    public double Percentile(double p)
    {
        // Nearest rank: the smallest time at least p of the requests stayed within.
        var sorted = Milliseconds.Order().ToArray();
        return sorted[Math.Max(0, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
    }

    public double PerSecond => Milliseconds.Length / Elapsed.TotalSeconds;

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {Clients} | {Milliseconds.Length} | {Percentile(50):0.0} | {Percentile(95):0.0} | {Percentile(99):0.0} | {Milliseconds.Max():0.0} | {PerSecond:0} |");

    public const string Header = "| page | clients | requests | p50 ms | p95 ms | p99 ms | max ms | requests/s |\n|---|---|---|---|---|---|---|---|";
}

/// <summary>
/// Times whole responses as a browser waits for them: from sending the request to the last byte of
/// the page. Every response must be 200 and carry the expected text, or the run stops.
/// </summary>
public static class Latency
{
    public static async Task<LatencyResult> MeasureAsync(HttpClient client, string path, string expected, int requests, int clients = 1)
    {
        var times = new double[requests];
        var next = -1;
        var uri = new Uri(path, UriKind.Relative);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(uri);
                var body = await response.Content.ReadAsStringAsync();
                times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK)
                    throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} on request {i + 1}.");
                if (!body.Contains(expected, StringComparison.Ordinal))
                    throw new InvalidOperationException($"GET {path} did not show «{expected}» on request {i + 1}.");
            }
        })));
        watch.Stop();
        return new LatencyResult(path, clients, times, watch.Elapsed);
    }
}
