using Corrections.Web.Features.Records;
using Corrections.Web.Infrastructure.Ui;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Persistence;
using Corrections.Workflows.Records;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corrections.Web.Pages.Records;

/// <summary>The register of documents with its filters, the CSV export and the printable register.</summary>
public sealed class RegisterModel(CorrectionsDbContext db, UiContext ui) : PageModel
{
    public const int Shown = 200;

    public Guid SchoolId { get; private set; }
    public DateOnly? From { get; private set; }
    public DateOnly? To { get; private set; }
    public DocumentKind? Kind { get; private set; }
    public string? Text { get; private set; }
    public IReadOnlyList<RegisterEntryDto> Rows { get; private set; } = [];
    public int Total { get; private set; }

    public string Query(string path, string? format = null)
    {
        var parts = new List<string>();
        if (format is not null) parts.Add($"format={format}");
        if (From is { } f) parts.Add($"from={f:yyyy-MM-dd}");
        if (To is { } t) parts.Add($"to={t:yyyy-MM-dd}");
        if (Kind is { } k && path.EndsWith("export", StringComparison.Ordinal)) parts.Add($"kind={k}");
        if (!string.IsNullOrWhiteSpace(Text) && path.EndsWith("export", StringComparison.Ordinal)) parts.Add($"text={Uri.EscapeDataString(Text)}");
        return $"/api/v1/schools/{SchoolId}/{path}{(parts.Count > 0 ? "?" + string.Join("&", parts) : "")}";
    }

    public async Task<IActionResult> OnGetAsync(DateOnly? from, DateOnly? to, DocumentKind? kind, string? text, CancellationToken ct)
    {
        await ui.LoadAsync(ct);
        if (ui.Active is not { Role: Role.Clerk or Role.Director or Role.Zavuch or Role.Admin, SchoolId: { } schoolId }) return Forbid();
        SchoolId = schoolId;
        (From, To, Kind, Text) = (from, to, kind, text);
        var rows = await ListRegister.QueryAsync(schoolId, from, to, kind, null, text, db, ct);
        Total = rows.Count;
        Rows = [.. rows.Take(Shown)];
        return Page();
    }
}
