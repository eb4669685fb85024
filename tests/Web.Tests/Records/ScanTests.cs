using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Corrections.Web.Tests.Requests;
using Corrections.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Corrections.Web.Tests.Requests.RequestDriver;

namespace Corrections.Web.Tests.Records;

/// <summary>Scanned documents: typed by content, limited in size, verified on every read, seen only by those handling the request.</summary>
public abstract class ScanTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static byte[] Pdf(int size = 2048)
    {
        var bytes = new byte[size];
        Encoding.ASCII.GetBytes("%PDF-1.4\n% test scan\n").CopyTo(bytes, 0);
        Random.Shared.NextBytes(bytes.AsSpan(32));
        return bytes;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, byte[] content, string name, string type = "medical-certificate")
        => await client.PostAsync($"/api/v1/requests/{id}/documents?type={type}&name={Uri.EscapeDataString(name)}", new ByteArrayContent(content));

    private async Task<int> StoredFilesAsync()
    {
        await Task.Yield();
        var root = Path.Combine(app.DataFolder, "scans");
        return Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories).Length : 0;
    }

    [Fact]
    public async Task Only_those_handling_the_request_see_its_scans_and_get_the_same_bytes()
    {
        var driver = new RequestDriver(app);
        // Filed by the zavuch for Russian: the Russian teacher is its subject teacher but does not handle it.
        var id = (await driver.CreateDraftAsync(Zavuch)).GetProperty("id").GetGuid();
        var pdf = Pdf();
        var uploaded = await UploadAsync(await driver.As(Zavuch), id, pdf, "Справка 095у.pdf");
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var scan = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("application/pdf", scan.GetProperty("contentType").GetString());
        Assert.True(scan.GetProperty("healthData").GetBoolean());
        var url = $"/api/v1/requests/{id}/documents/{scan.GetProperty("id").GetGuid()}";

        foreach (var who in new[] { Zavuch, Clerk, Director })
        {
            var response = await (await driver.As(who)).GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{who} should download the scan");
            Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
        }
        foreach (var who in new[] { Teacher, Department, Admin, OtherDirector })
            Assert.True((await (await driver.As(who)).GetAsync(url)).StatusCode == HttpStatusCode.NotFound, $"{who} must not download the scan");

        // Once the director escalates, the department officer handles the request and sees its scans.
        await driver.StepAsync(id, Zavuch, "submit", "submitted");
        await driver.StepAsync(id, Clerk, "register", "registered");
        await driver.StepAsync(id, Director, "escalate", "escalated", new { reason = "Спорный случай." });
        Assert.Equal(HttpStatusCode.OK, (await (await driver.As(Department)).GetAsync(url)).StatusCode);

        // Every download, and only the downloads, are in the audit log with who and in which role
        // (the address is the client's; the in-process test server has none to give).
        await using var db = app.Db();
        var documentId = scan.GetProperty("id").GetGuid().ToString();
        var views = await db.AuditEntries.Where(a => a.Action == "scan.view" && a.ObjectId == documentId).OrderBy(a => a.Sequence).ToListAsync();
        var emails = await db.Users.ToDictionaryAsync(u => u.Id, u => u.Email);
        Assert.Equal([(Zavuch, "initiator"), (Clerk, "Clerk"), (Director, "Director"), (Department, "DepartmentOfficer")],
            views.Select(v => (emails[v.ActorId!.Value]!, v.ActorRole!)));

    }

    [Fact]
    public async Task For_every_document_type_each_role_may_or_may_not_download_and_every_download_is_audited()
    {
        var driver = new RequestDriver(app);
        var id = (await driver.CreateDraftAsync(Zavuch)).GetProperty("id").GetGuid();
        var scans = new Dictionary<string, (Guid Id, byte[] Bytes)>();
        foreach (var type in Workflows.Corrections.DocumentTypes.All)
        {
            var pdf = Pdf(1024);
            var uploaded = await UploadAsync(await driver.As(Zavuch), id, pdf, $"{type}.pdf", type);
            Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
            scans[type] = ((await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), pdf);
        }
        await driver.StepAsync(id, Zavuch, "submit", "submitted");
        await driver.StepAsync(id, Clerk, "register", "registered");

        // Who handles the request: its initiator, the clerk, the director; the zavuch of the school would too, here he is the initiator.
        // Not: the subject teacher who did not file it, the school's administrator, the department before escalation, another school.
        var before = new Dictionary<string, bool>
        {
            [Zavuch] = true, [Clerk] = true, [Director] = true,
            [Teacher] = false, [Admin] = false, [Department] = false, [OtherDirector] = false, ["clerk@gimn2.demo"] = false,
        };
        await AssertMatrixAsync(driver, id, scans, before);
        await driver.StepAsync(id, Director, "escalate", "escalated", new { reason = "Спорный случай." });
        await AssertMatrixAsync(driver, id, scans, new Dictionary<string, bool>(before) { [Department] = true });

        await using var db = app.Db();
        var emails = await db.Users.ToDictionaryAsync(u => u.Id, u => u.Email!);
        foreach (var (type, scan) in scans)
        {
            var views = await db.AuditEntries.Where(a => a.Action == "scan.view" && a.ObjectId == scan.Id.ToString()).OrderBy(a => a.Sequence).ToListAsync();
            Assert.Equal(
                [(Zavuch, "initiator"), (Clerk, "Clerk"), (Director, "Director"), (Zavuch, "initiator"), (Clerk, "Clerk"), (Director, "Director"), (Department, "DepartmentOfficer")],
                views.Select(v => (emails[v.ActorId!.Value], v.ActorRole!)));
        }
    }

    private static async Task AssertMatrixAsync(RequestDriver driver, Guid id, Dictionary<string, (Guid Id, byte[] Bytes)> scans, Dictionary<string, bool> mayDownload)
    {
        foreach (var (who, may) in mayDownload.OrderByDescending(p => p.Value))
        {
            var client = await driver.As(who);
            foreach (var (type, scan) in scans)
            {
                var response = await client.GetAsync($"/api/v1/requests/{id}/documents/{scan.Id}");
                Assert.True(response.StatusCode == (may ? HttpStatusCode.OK : HttpStatusCode.NotFound), $"{who}, {type}: got {(int)response.StatusCode}");
                if (may) Assert.Equal(scan.Bytes, await response.Content.ReadAsByteArrayAsync());
            }
        }
    }

    [Fact]
    public async Task An_executable_named_pdf_is_refused_and_nothing_is_stored()
    {
        var driver = new RequestDriver(app);
        var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        var before = await StoredFilesAsync();
        var executable = new byte[4096];
        Encoding.ASCII.GetBytes("MZ\x90\0").CopyTo(executable, 0);

        var response = await UploadAsync(await driver.As(Teacher), id, executable, "справка.pdf");

        await Problems.AssertFieldErrorAsync(response, "body", "Файл «справка.pdf» не является PDF, JPEG, PNG или TIFF");
        Assert.Equal(before, await StoredFilesAsync());
        await using var db = app.Db();
        Assert.False(await db.ScanDocuments.AnyAsync(d => d.RequestId == id));
    }

    [Fact]
    public async Task An_oversized_upload_is_refused_and_nothing_is_stored()
    {
        var small = app.Create(settings: new Dictionary<string, string> { ["Scans:MaxFileBytes"] = "100000" });
        var driver = new RequestDriver(app, small);
        var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        var before = await StoredFilesAsync();

        var client = await driver.As(Teacher);
        // Sent without a length up front, so the limit is enforced while streaming, not only from the header.
        var content = new StreamContent(new MemoryStream(Pdf(300_000)));
        var response = await client.PostAsync($"/api/v1/requests/{id}/documents?type=medical-certificate&name=big.pdf", content);

        await Problems.AssertFieldErrorAsync(response, "body", "Файл слишком большой");
        Assert.Equal(before, await StoredFilesAsync());
        await using var db = app.Db();
        Assert.False(await db.ScanDocuments.AnyAsync(d => d.RequestId == id));
    }

    [Fact]
    public async Task A_stored_file_altered_on_disk_is_detected_and_not_served()
    {
        var driver = new RequestDriver(app);
        var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        var uploaded = await (await UploadAsync(await driver.As(Teacher), id, Pdf(), "справка.pdf")).Content.ReadFromJsonAsync<JsonElement>();
        var sha = uploaded.GetProperty("sha256").GetString()!;
        var path = Path.Combine(app.DataFolder, "scans", sha[..2], sha);
        File.SetAttributes(path, FileAttributes.Normal);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(path, bytes);

        var response = await (await driver.As(Teacher)).GetAsync($"/api/v1/requests/{id}/documents/{uploaded.GetProperty("id").GetGuid()}");

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.Contains("изменён или повреждён", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}

public sealed class ScanTests_OnPostgres(PostgresApp app) : ScanTests<PostgresApp>(app);

public sealed class ScanTests_OnSqlite(SqliteApp app) : ScanTests<SqliteApp>(app);
