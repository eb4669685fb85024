using Corrections.Web.Infrastructure;

if (ModelScript.TryRun(args)) return;

var builder = WebApplication.CreateBuilder(args);
builder.AddCorrectionsWeb();

var app = builder.Build();
if (await AuditCommand.TryRunAsync(args, app)) return;
app.UseCorrections();
app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
