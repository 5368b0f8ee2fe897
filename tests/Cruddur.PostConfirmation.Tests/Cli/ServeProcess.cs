using System.Diagnostics;
using Cruddur.Testing;

namespace Cruddur.PostConfirmation.Tests.Cli;

/// <summary><c>cruddur lambda serve --port 0</c> as a real process, until disposed; its URL read from its output.</summary>
public sealed class ServeProcess : IAsyncDisposable
{
    const string Listening = "Listening: ";

    readonly Process _process;

    ServeProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public static async Task<ServeProcess> StartAsync(string connectionUrl)
    {
        var process = Process.Start(CliProcess.StartInfo(new Dictionary<string, string?> { ["CONNECTION_URL"] = connectionUrl },
            "lambda", "serve", "--port", "0"))!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(Listening, StringComparison.Ordinal))
                return new ServeProcess(process, line[Listening.Length..].Split(' ')[0]);
        }
        var error = await process.StandardError.ReadToEndAsync();
        process.Dispose();
        throw new InvalidOperationException($"cruddur lambda serve ended without listening: {error}");
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
