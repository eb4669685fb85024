using System.Diagnostics;
using System.Globalization;
using Corrections.Documents.Papers;
using Corrections.Documents.Rendering;

// Renders a change table of N rows (default 10,000) to DOCX and to PDF, each in a fresh process so
// that each format's peak memory (VmHWM) is its own, and prints time and peak per format.
// Usage: scripts/bench-documents.sh [rows]   (a child run: <exe> <rows> pdf|docx)
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
if (args.Length > 1)
{
    var input = new ChangeTableInput("Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»", "7Б", "2 четверть", "2026/2027",
        [.. Enumerable.Range(1, rows).Select(i => new ChangeTableLine(i, $"Щукина Ёлка Эдуардовна {i}, 7Б", "Русский язык",
            $"Отметка «2» изменена на «4»; уважительная причина подтверждена документально, заявление № 01-12/{i} от 12.11.2026",
            new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 10), "Иванова М. П.", "Петров С. А."))], "Сидорова А. В.", "Кузнецов Н. Н.");
    SerifFont.EnsureInstalled();
    var before = PeakMegabytes();
    var watch = Stopwatch.StartNew();
    var model = ChangeTablePaper.Build(input);
    using var output = new MemoryStream();
    if (args[1] == "pdf") PdfRenderer.Render(model, output); else DocxRenderer.Render(model, output);
    watch.Stop();
    Console.WriteLine($"{args[1]}: {rows} rows in {watch.Elapsed.TotalSeconds:0.00} s, {output.Length / 1024.0 / 1024:0.0} MB file, peak memory {PeakMegabytes():0} MB (before rendering {before:0} MB)");
    return;
}
foreach (var format in new[] { "docx", "pdf" })
{
    // Run through the same host: «dotnet <dll>» or the app's own executable.
    var viaHost = Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet";
    string[] arguments = viaHost ? [typeof(ChangeTablePaper).Assembly.Location.Replace("Corrections.Documents.dll", "Corrections.Bench.DocumentRendering.dll", StringComparison.Ordinal), rows.ToString(CultureInfo.InvariantCulture), format]
        : [rows.ToString(CultureInfo.InvariantCulture), format];
    using var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, arguments) { RedirectStandardOutput = true })!;
    Console.Write(child.StandardOutput.ReadToEnd());
    child.WaitForExit();
}

static double PeakMegabytes()
{
    var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}
