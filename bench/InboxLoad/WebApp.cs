using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Corrections.Bench;

/// <summary>
/// The real app as a child process: <c>dotnet run -c Release --no-build</c> of src/Web on PostgreSQL in
/// demo mode, on a free local port, with its own data folder. It migrates the database and seeds the
/// demo itself. Its output goes to a log file, printed when it fails to start.
/// </summary>
public sealed partial class WebApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly string _dataFolder;
    private readonly bool _keepLog;

    public Uri BaseAddress { get; }
    public string LogPath { get; }

    private WebApp(Process process, StreamWriter log, string logPath, string dataFolder, Uri baseAddress, bool keepLog)
        => (_process, _log, LogPath, _dataFolder, BaseAddress, _keepLog) = (process, log, logPath, dataFolder, baseAddress, keepLog);

    /// <param name="keepLog">Leaves the data folder with the app's log (app.log) when the app stops.</param>
    public static async Task<WebApp> StartAsync(string repository, string connectionString, TimeSpan timeout, bool keepLog = false)
    {
        var port = FreePort();
        var dataFolder = Directory.CreateTempSubdirectory("bench-inbox-").FullName;
        var logPath = Path.Combine(dataFolder, "app.log");
        var start = new ProcessStartInfo("dotnet", ["run", "-c", "Release", "--project", "src/Web", "--no-launch-profile", "--no-build"])
        {
            WorkingDirectory = repository, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["Database__ConnectionString"] = connectionString;
        start.Environment["DataFolder"] = dataFolder;
        start.Environment["Demo__Enabled"] = "true";
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet run did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new WebApp(process, log, logPath, dataFolder, new Uri($"http://127.0.0.1:{port}/"), keepLog);

        using var probe = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                await app.DisposeAsync(keepLog: true);
                throw new InvalidOperationException($"The app exited with {process.ExitCode} before it served a page; its output:\n{Tail(logPath)}");
            }
            try
            {
                using var response = await probe.GetAsync(new Uri("Account/Login", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK) return app;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (watch.Elapsed > timeout)
            {
                await app.DisposeAsync(keepLog: true);
                throw new TimeoutException($"The app did not serve /Account/Login within {timeout.TotalSeconds:0} s; its output:\n{Tail(logPath)}");
            }
            await Task.Delay(500);
        }
    }

    /// <summary>Signs in through the login page, as a browser does: its antiforgery token, then the form.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
        var login = new Uri("Account/Login", UriKind.Relative);
        var page = await client.GetStringAsync(login);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success) throw new InvalidOperationException("No __RequestVerificationToken on the login page.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        });
        using var response = await client.PostAsync(login, form);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} answered {(int)response.StatusCode}, not a redirect.");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Tail(string path) => string.Join('\n', File.ReadLines(path).TakeLast(40));

    public ValueTask DisposeAsync() => DisposeAsync(_keepLog);

    private async ValueTask DisposeAsync(bool keepLog)
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        lock (_log) _log.Dispose();
        if (keepLog) Console.WriteLine($"Kept: the app's log {LogPath}");
        else Directory.Delete(_dataFolder, recursive: true);
    }
}
