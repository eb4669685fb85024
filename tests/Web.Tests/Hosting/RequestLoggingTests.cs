using System.Collections.Concurrent;
using Corrections.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Corrections.Web.Tests.Hosting;

public sealed class RequestLoggingTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Each_request_is_logged_once_with_the_request_id_the_response_hands_back()
    {
        var capture = new CapturingLoggerProvider();
        var client = app.Create().WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(capture))).CreateClient();

        var response = await client.GetAsync("/api/v1/schools?surname=Иванов");
        var requestId = response.Headers.GetValues("X-Request-Id").Single();

        var line = Assert.Single(capture.Entries, e => e.Category.EndsWith("RequestLogging", StringComparison.Ordinal) && e.Scopes.Contains(requestId));
        Assert.Equal("HTTP GET /api/v1/schools responded 401", line.Message[..line.Message.IndexOf(" in ", StringComparison.Ordinal)]);
        Assert.DoesNotContain("Иванов", line.Message, StringComparison.Ordinal);
    }

    private sealed record Entry(string Category, string Message, string Scopes);

    private sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
        public ConcurrentBag<Entry> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scopes = new List<string>();
                owner._scopes.ForEachScope((scope, list) => list.Add(scope?.ToString() ?? ""), scopes);
                owner.Entries.Add(new Entry(category, formatter(state, exception), string.Join(" ", scopes)));
            }
        }
    }
}
