using Corrections.Web.Infrastructure;
using Corrections.Workflows.Access;
using Corrections.Workflows.Corrections;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Persistence;
using Corrections.Workflows.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Corrections.Web.Features.Requests;

/// <summary>Bound from <c>Scans</c>.</summary>
public sealed class ScanOptions
{
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;
    public long MaxRequestBytes { get; set; } = 50 * 1024 * 1024;
    /// <summary>Folder of the content-addressed store; default «scans» in the data folder.</summary>
    public string? Folder { get; set; }
}

public sealed record ScanDto(Guid Id, string DocumentType, string OriginalName, string ContentType, long Size, string Sha256, bool HealthData, Guid UploadedById, DateTimeOffset UploadedAt)
{
    public static ScanDto From(ScanDocument d) => new(d.Id, d.DocumentType, d.OriginalName, d.ContentType, d.Size, d.Sha256, d.HealthData, d.UploadedById, d.UploadedAt);
}

/// <summary>
/// Scans of a request. Upload: POST /api/v1/requests/{requestId}/documents?type=&amp;name=&amp;healthData=
/// with the file as the body (streamed to storage, typed from its content). List and download:
/// GET …/documents and GET …/documents/{documentId} (?inline=true to show it in the page), verified against the hash on every read.
/// </summary>
public static class Documents
{
    private static readonly string[] FinalStates = ["filed", "rejected", "withdrawn"];

    public static void Map(IEndpointRouteBuilder api)
    {
        // The body is the file itself, of any declared type: the content decides (ScanFormats).
        api.MapPost("/requests/{requestId:guid}/documents", Upload).WithTags("Documents")
            .WithSummary("Upload a scan: the file is the request body; ?type=…&name=…&healthData=…");
        api.MapGet("/requests/{requestId:guid}/documents", List).WithTags("Documents");
        api.MapGet("/requests/{requestId:guid}/documents/{documentId:guid}", Download).WithTags("Documents").Produces<Stream>(contentType: "application/pdf");
    }

    public static async Task<Results<Created<ScanDto>, ValidationProblem, ProblemHttpResult>> Upload(
        Guid requestId, string? type, string? name, bool? healthData, HttpContext http, CorrectionsDbContext db, AccessScopeHolder scope,
        IDocumentStorage storage, IOptions<ScanOptions> options, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (await RequestAccess.FindAsync(db, scope.Current, requestId, ct) is not var (request, instance))
            return Validation.NotFound(t, "NotFound.Request");
        if (!ScanAccess.MayUpload(scope.Current, request))
            return TypedResults.Problem(statusCode: 403, title: t["Problem.Forbidden"], detail: t["Scan.UploadForbidden"]);
        if (FinalStates.Contains(instance.State))
            return TypedResults.Problem(statusCode: 409, title: t["Problem.Conflict"], detail: t["Scan.RequestClosed"]);

        var v = new Validation(t);
        var documentType = v.Required("type", type, Limits.ShortText);
        if (documentType.Length > 0 && !DocumentTypes.All.Contains(documentType)) v.Add("type", "Scan.UnknownType", string.Join(", ", DocumentTypes.All));
        var originalName = Path.GetFileName(v.Required("name", name, 255));
        if (!v.IsValid) return v.Problem();

        var used = await db.ScanDocuments.Where(d => d.RequestId == requestId).SumAsync(d => (long?)d.Size, ct) ?? 0;
        var limit = Math.Min(options.Value.MaxFileBytes, options.Value.MaxRequestBytes - used);
        if (http.Request.ContentLength is { } declared && declared > limit) return TooLarge(t, options.Value, used);
        // Raise the server's own body limit to ours; ours is enforced while streaming below.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit) bodyLimit.MaxRequestBodySize = options.Value.MaxFileBytes + 1;

        var head = new byte[ScanFormats.SniffLength];
        var got = await http.Request.Body.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (got == 0) return v.Field("body", "Scan.Empty");
        if (ScanFormats.Detect(head.AsSpan(0, got)) is not { } contentType) return v.Field("body", "Scan.NotAScan", originalName);

        StoredContent stored;
        try
        {
            stored = await storage.SaveAsync(new PrefixedStream(head.AsMemory(0, got), http.Request.Body), limit, ct);
        }
        catch (ContentTooLargeException)
        {
            return TooLarge(t, options.Value, used);
        }
        var document = new ScanDocument
        {
            Id = Guid.CreateVersion7(), SchoolId = request.SchoolId, RequestId = requestId, DocumentType = documentType, OriginalName = originalName,
            ContentType = contentType, Size = stored.Size, Sha256 = stored.Sha256, HealthData = healthData ?? documentType == DocumentTypes.MedicalCertificate,
            UploadedById = scope.Current.UserId!.Value, UploadedAt = clock.GetUtcNow(),
        };
        db.ScanDocuments.Add(document);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/requests/{requestId}/documents/{document.Id}", ScanDto.From(document));
    }

    public static async Task<Results<Ok<List<ScanDto>>, ProblemHttpResult>> List(
        Guid requestId, CorrectionsDbContext db, AccessScopeHolder scope, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (await RequestAccess.FindAsync(db, scope.Current, requestId, ct) is not var (request, _) || !await ScanAccess.MayViewAsync(db, scope.Current, request, ct))
            return Validation.NotFound(t, "NotFound.Request");
        var scans = await db.ScanDocuments.AsNoTracking().Where(d => d.RequestId == requestId).OrderBy(d => d.UploadedAt).ToListAsync(ct);
        return TypedResults.Ok(scans.ConvertAll(ScanDto.From));
    }

    public static async Task<IResult> Download(
        Guid requestId, Guid documentId, bool? inline, HttpContext http, CorrectionsDbContext db, AccessScopeHolder scope, IDocumentStorage storage, ILogger<ScanDocument> log,
        TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (await RequestAccess.FindAsync(db, scope.Current, requestId, ct) is not var (request, _) || !await ScanAccess.MayViewAsync(db, scope.Current, request, ct))
            return Validation.NotFound(t, "NotFound.Request");
        var document = await db.ScanDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.RequestId == requestId, ct);
        if (document is null) return Validation.NotFound(t, "NotFound.Scan");
        try
        {
            var content = await storage.OpenVerifiedAsync(document.Sha256, ct);
            // Every view of a scan is in the audit log before a byte is served.
            db.RecordAccess("scan.view", nameof(ScanDocument), document.Id.ToString(), document.SchoolId, ViewerRole(scope.Current, request), clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            if (inline != true) return TypedResults.Stream(content, document.ContentType, document.OriginalName);
            // Shown in the request page (PDF viewer, image): inline, and never reinterpreted by the browser.
            var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("inline");
            disposition.SetHttpFileName(document.OriginalName);
            http.Response.Headers.ContentDisposition = disposition.ToString();
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return TypedResults.Stream(content, document.ContentType);
        }
        catch (StoredContentCorruptException)
        {
            db.RecordAccess("scan.view-refused-corrupt", nameof(ScanDocument), document.Id.ToString(), document.SchoolId, ViewerRole(scope.Current, request), clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            log.LogError("Scan {DocumentId} of request {RequestId}: stored content does not match hash {Sha256}; not served", document.Id, requestId, document.Sha256);
            return TypedResults.Problem(statusCode: 500, title: t["Scan.CorruptTitle"], detail: t["Scan.Corrupt", document.OriginalName]);
        }
    }

    /// <summary>The role in which the viewer handles the request, for the audit log.</summary>
    private static string ViewerRole(AccessScope scope, CorrectionRequest request)
        => request.InitiatorId == scope.UserId ? WorkflowEngine.InitiatorRole
            : new[] { Workflows.Accounts.Role.Director, Workflows.Accounts.Role.Zavuch, Workflows.Accounts.Role.Clerk, Workflows.Accounts.Role.DepartmentOfficer }
                .First(r => scope.HasSchoolRole(request.SchoolId, r)).ToString();

    private static ValidationProblem TooLarge(IStringLocalizer<SharedResource> t, ScanOptions options, long used)
        => TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            ["body"] = [t["Scan.TooLarge", options.MaxFileBytes / (1024 * 1024), options.MaxRequestBytes / (1024 * 1024), used / (1024 * 1024)]],
        }, title: t["Problem.Validation"]);

    private static ValidationProblem Field(this Validation v, string field, string key, params object[] args)
    {
        v.Add(field, key, args);
        return v.Problem();
    }

    /// <summary>The sniffed first bytes, then the rest of the body: the upload is read once, never buffered.</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_prefix.Length == 0) return await rest.ReadAsync(buffer, cancellationToken);
            var n = Math.Min(buffer.Length, _prefix.Length);
            _prefix[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
