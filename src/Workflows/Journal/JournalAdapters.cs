using System.Text.Json;
using Corrections.Workflows.Corrections;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Workflows.Journal;

/// <summary>How a school's journal is reached: the school setting «journal-mode».</summary>
public static class JournalModes
{
    public const string Setting = "journal-mode";
    public const string BuiltIn = "builtin";
    public const string Manual = "manual";
    public const string Dnevnik = "dnevnik";
    public static readonly string[] All = [BuiltIn, Manual, Dnevnik];

    public static async Task<string> ForSchoolAsync(CorrectionsDbContext db, Guid schoolId, CancellationToken ct)
        => await db.SchoolSettings.Where(s => s.SchoolId == schoolId && s.Name == Setting).Select(s => s.Value).SingleOrDefaultAsync(ct) ?? BuiltIn;

    /// <summary>The same from the settings a step has already read with its school.</summary>
    public static string Of(SchoolFacts school) => school.Settings.GetValueOrDefault(Setting) ?? BuiltIn;
}

/// <summary>What an adapter is given to apply a request: the request, its entries, the step.</summary>
public sealed record JournalApplication(CorrectionRequest Request, IReadOnlyList<CorrectionEntry> Entries, StepContext Step);

/// <summary>
/// The port through which «apply» reaches the school's journal. An adapter changes every entry of the
/// request and appends the change-table rows, or refuses with a <see cref="StepRefusedException"/>
/// so the step rolls back and nothing is appended.
/// </summary>
public interface IJournalAdapter
{
    string Mode { get; }

    Task ApplyAsync(JournalApplication application, CancellationToken ct);
}

/// <summary>«apply-to-journal»: hands the request to the adapter the school is configured with.</summary>
public sealed class ApplyToJournalEffect(IEnumerable<IJournalAdapter> adapters) : IWorkflowEffect
{
    private readonly Dictionary<string, IJournalAdapter> _adapters = adapters.ToDictionary(a => a.Mode);

    public string Name => "apply-to-journal";

    public async Task RunAsync(StepContext step, CancellationToken ct)
    {
        var request = await step.Db.CorrectionRequests.Include(r => r.Entries).SingleAsync(r => r.Id == step.Instance.Id, ct);
        // The request's school is the instance's: its settings come with the facts the step reads anyway (the due date of «applied»).
        var mode = JournalModes.Of(await step.SchoolAsync(ct));
        if (!_adapters.TryGetValue(mode, out var adapter)) throw new StepRefusedException(StepFault.GuardRefused, "Journal.UnknownMode", mode);
        await adapter.ApplyAsync(new JournalApplication(request, [.. request.Entries.OrderBy(e => e.Date).ThenBy(e => e.Id)], step), ct);
    }
}

/// <summary>
/// (a) The built-in journal: reads each entry's value and writes the approved one in the step's own
/// transaction. An entry already at its approved value (the zavuch changed it under the unlock) is
/// not written again; a value that is neither the one the request saw nor the approved one stops the step.
/// </summary>
public sealed class BuiltInJournalAdapter(TimeProvider clock) : IJournalAdapter
{
    public string Mode => JournalModes.BuiltIn;

    public async Task ApplyAsync(JournalApplication application, CancellationToken ct)
    {
        var (request, entries, step) = application;
        var editor = new JournalEditor(step.Db, clock);
        foreach (var entry in entries)
        {
            var slot = await JournalSlots.ForEntryAsync(step.Db, request, entry, ct)
                ?? throw new StepRefusedException(StepFault.GuardRefused, "Journal.NoSuchEntry", entry.Date.ToString("dd.MM.yyyy"));
            var old = slot.Value;
            if (old == entry.RequestedValue)
            {
                // Already changed under the unlock: its row exists (or is added now, if it was changed before this version).
                await ChangeTable.AppendAsync(step.Db, request, entry, entry.CurrentValue, entry.RequestedValue, step.Now, ct);
                continue;
            }
            if (old != entry.CurrentValue)
                throw new StepRefusedException(StepFault.GuardRefused, "Journal.ValueMoved", entry.Date.ToString("dd.MM.yyyy"), Shown(old), Shown(entry.CurrentValue));
            editor.Record(slot, entry.RequestedValue, JournalChangeVia.Apply, request.Id, step.Now);
            slot.Write(step.Db, entry.RequestedValue);
            await ChangeTable.AppendAsync(step.Db, request, entry, old, entry.RequestedValue, step.Now, ct);
        }
    }

    private static string Shown(string value) => value.Length == 0 ? "—" : value;
}

/// <summary>
/// (b) Manual mode, for journals with no write API (СГО, «Моя школа», МЭШ): the zavuch changes the
/// external journal during the window and confirms here, entry by entry, with the old and new value.
/// Payload: <c>{"confirmations":[{"entryId":"…","oldValue":"2","newValue":"4"}]}</c>.
/// </summary>
public sealed class ManualJournalAdapter : IJournalAdapter
{
    public string Mode => JournalModes.Manual;

    public async Task ApplyAsync(JournalApplication application, CancellationToken ct)
    {
        var (request, entries, step) = application;
        var confirmations = Parse(step.Payload);
        foreach (var entry in entries)
        {
            if (!confirmations.TryGetValue(entry.Id, out var confirmed))
                throw new StepRefusedException(StepFault.GuardRefused, "Journal.ConfirmEachEntry", entry.Date.ToString("dd.MM.yyyy"));
            var (oldValue, newValue) = (JournalCodes.Normalise(confirmed.Old, entry.Kind), JournalCodes.Normalise(confirmed.New, entry.Kind));
            if (oldValue is null || newValue is null) throw new StepRefusedException(StepFault.GuardRefused, "Journal.BadConfirmation", entry.Date.ToString("dd.MM.yyyy"));
            if (newValue != entry.RequestedValue)
                throw new StepRefusedException(StepFault.GuardRefused, "Journal.NotApprovedValue", entry.RequestedValue.Length == 0 ? "—" : entry.RequestedValue);
            await ChangeTable.AppendAsync(step.Db, request, entry, oldValue, newValue, step.Now, ct);
        }
    }

    private static Dictionary<Guid, (string? Old, string? New)> Parse(JsonElement? payload)
    {
        var result = new Dictionary<Guid, (string?, string?)>();
        if (payload is not { ValueKind: JsonValueKind.Object } p || !p.TryGetProperty("confirmations", out var list) || list.ValueKind != JsonValueKind.Array) return result;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("entryId", out var id) || !id.TryGetGuid(out var entryId)) continue;
            string? Text(string name) => item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            result[entryId] = (Text("oldValue"), Text("newValue"));
        }
        return result;
    }
}
