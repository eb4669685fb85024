using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Corrections.Web.Tests.Support;

/// <summary>
/// A real SMTP server: Debian's aiosmtpd (package python3-aiosmtpd) on a free loopback port, storing
/// every message it accepts in a maildir. Stop and Start again keep the port, as a mail server that
/// went down and came back would.
/// </summary>
public sealed partial class SmtpServer : IDisposable
{
    // The system Python's entry point: the first «python3» on PATH may be another interpreter without the package.
    private const string Executable = "/usr/bin/aiosmtpd";

    private readonly string _root = Directory.CreateTempSubdirectory("corrections-smtp-").FullName;

    // aiosmtpd's Mailbox creates the maildir (with tmp, new, cur) only when the folder does not exist yet.
    private string Maildir => Path.Combine(_root, "maildir");
    private Process? _process;

    public int Port { get; } = FreePort();

    public bool IsRunning => _process is { HasExited: false };

    public void Start()
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"{Executable} is missing: install the Debian package python3-aiosmtpd (scripts/test.sh does).");
        var info = new ProcessStartInfo(Executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir }) info.ArgumentList.Add(arg);
        _process = Process.Start(info)!;
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        // Ready when it answers: a connection that is accepted and greeted with 220.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"aiosmtpd exited at once with code {_process.ExitCode} (port {Port})");
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                var buffer = new byte[3];
                if (client.GetStream().Read(buffer) == 3 && Encoding.ASCII.GetString(buffer) == "220") return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
            }
            Thread.Sleep(100);
        }
    }

    public void Stop()
    {
        if (_process is null) return;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
        _process = null;
    }

    /// <summary>Every message received so far, raw and decoded.</summary>
    public IReadOnlyList<ReceivedMail> Messages()
    {
        var files = new[] { "new", "cur" }.Select(d => Path.Combine(Maildir, d)).Where(Directory.Exists).SelectMany(Directory.GetFiles);
        return [.. files.Select(f => ReceivedMail.Parse(File.ReadAllText(f, Encoding.ASCII)))];
    }

    /// <summary>Waits until <paramref name="done"/> holds for the messages received (the outbox job sends in the background).</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(Func<IReadOnlyList<ReceivedMail>, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var messages = Messages();
            if (done(messages)) return messages;
            Assert.True(DateTime.UtcNow < deadline, $"within 60 s the SMTP server did not receive {what}; it has {messages.Count} message(s): {string.Join(" | ", messages.Select(m => m.Subject))}");
            await Task.Delay(200);
        }
    }

    public void Dispose()
    {
        Stop();
        Directory.Delete(_root, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// A message as the SMTP server stored it, with what a mail client would show: the subject's encoded
/// words and the body's transfer encoding undone. Only what System.Net.Mail produces is read (one
/// text part, base64 or quoted-printable or 7bit); anything else fails the test loudly.
/// </summary>
public sealed partial record ReceivedMail(string Raw, IReadOnlyDictionary<string, string> Headers, string Subject, string Body)
{
    public string? MessageId => Headers.GetValueOrDefault("message-id");
    public string RawSubject => Headers.GetValueOrDefault("subject") ?? "";
    public string To => Headers.GetValueOrDefault("x-rcptto") ?? Headers.GetValueOrDefault("to") ?? "";

    public static ReceivedMail Parse(string raw)
    {
        var text = raw.Replace("\r\n", "\n");
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var body = split < 0 ? "" : text[(split + 2)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        // Unfold continuation lines, then keep the first of each header.
        foreach (var line in UnfoldPattern().Replace(head, " ").Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon > 0) headers.TryAdd(line[..colon].Trim().ToLowerInvariant(), line[(colon + 1)..].Trim());
        }
        var encoding = headers.GetValueOrDefault("content-transfer-encoding")?.ToLowerInvariant();
        var charset = CharsetPattern().Match(headers.GetValueOrDefault("content-type") ?? "") is { Success: true } c ? c.Groups[1].Value : "us-ascii";
        var decoded = encoding switch
        {
            "base64" => Encoding.GetEncoding(charset).GetString(Convert.FromBase64String(string.Concat(body.Split('\n').Select(l => l.Trim())))),
            "quoted-printable" => Encoding.GetEncoding(charset).GetString(QuotedPrintable(body)),
            null or "7bit" or "8bit" => body,
            _ => throw new InvalidOperationException($"unexpected Content-Transfer-Encoding {encoding}"),
        };
        return new ReceivedMail(raw, headers, DecodeWords(headers.GetValueOrDefault("subject") ?? ""), decoded.Replace("\r\n", "\n"));
    }

    /// <summary>RFC 2047: =?charset?B|Q?…?= words; whitespace between two encoded words is dropped.</summary>
    private static string DecodeWords(string value)
    {
        var joined = BetweenWordsPattern().Replace(value, "?==?");
        return EncodedWordPattern().Replace(joined, m =>
        {
            var charset = Encoding.GetEncoding(m.Groups[1].Value);
            return m.Groups[2].Value.ToUpperInvariant() == "B"
                ? charset.GetString(Convert.FromBase64String(m.Groups[3].Value))
                : charset.GetString(QuotedPrintable(m.Groups[3].Value.Replace('_', ' ')));
        });
    }

    private static byte[] QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        var s = text.Replace("=\n", "");
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '=' && i + 2 < s.Length && Uri.IsHexDigit(s[i + 1]) && Uri.IsHexDigit(s[i + 2])) { bytes.Add(Convert.ToByte(s.Substring(i + 1, 2), 16)); i += 2; }
            else bytes.AddRange(Encoding.UTF8.GetBytes(s[i].ToString()));
        }
        return [.. bytes];
    }

    [GeneratedRegex(@"\n[ \t]+")]
    private static partial Regex UnfoldPattern();

    [GeneratedRegex(@"charset=""?([\w-]+)""?", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex BetweenWordsPattern();

    [GeneratedRegex(@"=\?([\w-]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWordPattern();
}
