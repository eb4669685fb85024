using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Corrections.Workflows.Corrections;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Journal;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Corrections.Integrations.Journals;

/// <summary>Retries and time limits of calls to Дневник.ру (section «Dnevnik» of the configuration).</summary>
public sealed class DnevnikOptions
{
    public int Attempts { get; set; } = 3;
    public int BackoffMilliseconds { get; set; } = 500;
    public int TimeoutSeconds { get; set; } = 10;
}

/// <summary>
/// (c) Дневник.ру partner API: the school's OAuth2 access token in the «Access-Token» header, base
/// «…/v2.0/», marks under /persons/{person}/works/{work}/mark, attendance under
/// /lessons/{lesson}/log-entries. Each entry is read first, so a retry after a partial failure does
/// not write twice. Transient failures (5xx, 408, 429, timeouts, network) are retried with growing
/// pauses; permanent ones (401, 403, 404, 400) stop at once. A failure rolls the step back (the
/// request stays «unlocked») and its record is saved with the refusal, for the request to show.
/// School settings: «dnevnik-base-url», «dnevnik-token»; ids through <see cref="ExternalJournalLink"/>.
/// </summary>
public sealed class DnevnikRuAdapter(
    IHttpClientFactory http, IOptions<DnevnikOptions> options, ILogger<DnevnikRuAdapter> log) : IJournalAdapter
{
    public const string BaseUrlSetting = "dnevnik-base-url";
    public const string TokenSetting = "dnevnik-token";
    public const string HttpClientName = "dnevnik";

    public string Mode => JournalModes.Dnevnik;

    public async Task ApplyAsync(JournalApplication application, CancellationToken ct)
    {
        var (request, entries, step) = application;
        var db = step.Db;
        var settings = await db.SchoolSettings.Where(s => s.SchoolId == request.SchoolId && (s.Name == BaseUrlSetting || s.Name == TokenSetting))
            .ToDictionaryAsync(s => s.Name, s => s.Value, ct);
        if (!settings.TryGetValue(BaseUrlSetting, out var baseUrl) || !settings.TryGetValue(TokenSetting, out var token))
            throw new StepRefusedException(StepFault.GuardRefused, "Journal.DnevnikNotConfigured");
        var api = new Api(http.CreateClient(HttpClientName), new Uri(baseUrl.TrimEnd('/') + "/v2.0/"), token, options.Value);
        var links = await db.ExternalJournalLinks.Where(l => l.SchoolId == request.SchoolId).ToListAsync(ct);
        string? Link(string type, Guid? id) => links.FirstOrDefault(l => l.LocalType == type && l.LocalId == id)?.ExternalId;

        // What was written to Дневник.ру is kept even if a later entry fails and the step rolls back:
        // the external journal has changed, and its history must say so.
        var written = new List<JournalChange>();
        try
        {
            foreach (var entry in entries)
            {
                var slot = await JournalSlots.ForEntryAsync(db, request, entry, ct)
                    ?? throw new StepRefusedException(StepFault.GuardRefused, "Journal.NoSuchEntry", entry.Date.ToString("dd.MM.yyyy"));
                if (entry.Kind == EntryKind.PeriodMark) throw new StepRefusedException(StepFault.GuardRefused, "Journal.DnevnikPeriodMark");
                var person = Link("student", entry.StudentId);
                var target = entry.Kind == EntryKind.Attendance ? Link("lesson", slot.LessonId) : Link("work", slot.WorkId);
                if (person is null || target is null) throw new StepRefusedException(StepFault.GuardRefused, "Journal.DnevnikNotLinked", entry.Date.ToString("dd.MM.yyyy"));

                var old = entry.Kind == EntryKind.Attendance ? await api.ReadAttendanceAsync(target, person, ct) : await api.ReadMarkAsync(person, target, ct);
                if (old != entry.RequestedValue)
                {
                    if (old != entry.CurrentValue)
                        throw new StepRefusedException(StepFault.GuardRefused, "Journal.ValueMoved", entry.Date.ToString("dd.MM.yyyy"), old.Length == 0 ? "—" : old, entry.CurrentValue.Length == 0 ? "—" : entry.CurrentValue);
                    if (entry.Kind == EntryKind.Attendance) await api.WriteAttendanceAsync(target, person, entry.RequestedValue, ct);
                    else await api.WriteMarkAsync(person, target, entry.RequestedValue, ct);
                    var change = new JournalChange
                    {
                        Id = Guid.CreateVersion7(), SchoolId = request.SchoolId, At = step.Now, ActorId = step.Actor?.UserId, Via = JournalChangeVia.Apply,
                        ClassId = request.ClassId, SubjectId = request.SubjectId, StudentId = entry.StudentId, Kind = entry.Kind, EntryDate = slot.Date,
                        StudyPeriodId = slot.StudyPeriodId, OldValue = old, NewValue = entry.RequestedValue, RequestId = request.Id,
                    };
                    db.JournalChanges.Add(change);
                    written.Add(change);
                }
                await ChangeTable.AppendAsync(db, request, entry, entry.CurrentValue, entry.RequestedValue, step.Now, ct);
            }
        }
        catch (DnevnikFailure failure)
        {
            log.LogWarning("Дневник.ру refused or failed for request {Request}: {Key} {Args}", request.Id, failure.Key, string.Join(", ", failure.Args));
            throw new StepRefusedException(StepFault.GuardRefused, failure.Key, failure.Args)
            {
                KeepAfterRollback =
                [
                    new JournalApplyFailure
                    {
                        Id = Guid.CreateVersion7(), SchoolId = request.SchoolId, RequestId = request.Id, At = step.Now,
                        MessageKey = failure.Key, Arguments = JsonSerializer.Serialize(failure.Args.Select(a => a.ToString())),
                    },
                    .. written,
                ],
            };
        }
        catch (StepRefusedException refused) when (written.Count > 0)
        {
            throw new StepRefusedException(refused.Fault, refused.MessageKey, refused.Args) { KeepAfterRollback = [.. refused.KeepAfterRollback, .. written] };
        }
    }

    private sealed class DnevnikFailure(string key, params object[] args) : Exception(key)
    {
        public string Key { get; } = key;
        public object[] Args { get; } = args;
    }

    private sealed record MarkBody(string? Value);
    private sealed record LogEntry(string? Person, string? Status);

    /// <summary>The few calls the adapter makes, each with the retry policy.</summary>
    private sealed class Api(HttpClient client, Uri root, string token, DnevnikOptions options)
    {
        public async Task<string> ReadMarkAsync(string person, string work, CancellationToken ct)
        {
            using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, new Uri(root, $"persons/{Uri.EscapeDataString(person)}/works/{Uri.EscapeDataString(work)}/mark")), notFoundIsEmpty: true, ct);
            return response is null ? "" : (await response.Content.ReadFromJsonAsync<MarkBody>(JsonSerializerOptions.Web, ct))?.Value ?? "";
        }

        public Task WriteMarkAsync(string person, string work, string value, CancellationToken ct)
            => SendAndDisposeAsync(() => new HttpRequestMessage(HttpMethod.Put, new Uri(root, $"persons/{Uri.EscapeDataString(person)}/works/{Uri.EscapeDataString(work)}/mark"))
            { Content = JsonContent.Create(new MarkBody(value), options: JsonSerializerOptions.Web) }, ct);

        public async Task<string> ReadAttendanceAsync(string lesson, string person, CancellationToken ct)
        {
            using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, new Uri(root, $"lessons/{Uri.EscapeDataString(lesson)}/log-entries")), notFoundIsEmpty: false, ct);
            var entries = await response!.Content.ReadFromJsonAsync<List<LogEntry>>(JsonSerializerOptions.Web, ct) ?? [];
            return entries.FirstOrDefault(e => e.Person == person)?.Status ?? "";
        }

        public Task WriteAttendanceAsync(string lesson, string person, string status, CancellationToken ct)
            => SendAndDisposeAsync(() => new HttpRequestMessage(HttpMethod.Put, new Uri(root, $"lessons/{Uri.EscapeDataString(lesson)}/log-entries"))
            { Content = JsonContent.Create(new LogEntry(person, status), options: JsonSerializerOptions.Web) }, ct);

        private async Task SendAndDisposeAsync(Func<HttpRequestMessage> build, CancellationToken ct)
        {
            using var _ = await SendAsync(build, notFoundIsEmpty: false, ct);
        }

        private async Task<HttpResponseMessage?> SendAsync(Func<HttpRequestMessage> build, bool notFoundIsEmpty, CancellationToken ct)
        {
            var attempts = Math.Max(1, options.Attempts);
            string lastProblem = "";
            for (var attempt = 1; ; attempt++)
            {
                using var request = build();
                request.Headers.TryAddWithoutValidation("Access-Token", token);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
                try
                {
                    var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
                    if (response.IsSuccessStatusCode) return response;
                    var status = (int)response.StatusCode;
                    response.Dispose();
                    if (response.StatusCode == HttpStatusCode.NotFound && notFoundIsEmpty) return null;
                    if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) throw new DnevnikFailure("Journal.DnevnikUnauthorized", status);
                    if (status < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests))
                        throw new DnevnikFailure("Journal.DnevnikRejected", status);
                    lastProblem = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if (attempt >= attempts) throw new DnevnikFailure("Journal.DnevnikUnavailable", attempts, lastProblem);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    if (attempt >= attempts) throw new DnevnikFailure("Journal.DnevnikTimeout", attempts, options.TimeoutSeconds);
                }
                catch (HttpRequestException e)
                {
                    lastProblem = e.Message;
                    if (attempt >= attempts) throw new DnevnikFailure("Journal.DnevnikUnavailable", attempts, lastProblem);
                }
                await Task.Delay(TimeSpan.FromMilliseconds(options.BackoffMilliseconds * (1 << (attempt - 1))), ct);
            }
        }
    }
}
