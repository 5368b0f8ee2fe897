using System.Diagnostics;

namespace Cruddur.Testing;

/// <summary>The real <c>cruddur</c> CLI as a child process: arguments, environment, stdin; exit code and output back.</summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string Output => Stdout + Stderr;
    }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "cruddur.dll");

    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["NO_COLOR"] = "1";
        start.Environment.Remove("CONNECTION_URL");
        start.Environment.Remove("PROD_CONNECTION_URL");
        // No developer's .env (which may point at production) reaches a test: tests that want one say where.
        start.Environment["CRUDDUR_ROOT"] = Path.Combine(Path.GetTempPath(), "cruddur-tests-have-no-repository");
        foreach (var (key, value) in environment)
        {
            if (value is null) start.Environment.Remove(key);
            else start.Environment[key] = value;
        }
        return start;
    }

    public static Task<Result> RunWithInputAsync(IReadOnlyDictionary<string, string?> environment, string? stdin, params string[] args) =>
        RunAsync(StartInfo(environment, args), stdin);

    /// <summary>Runs a process started as <paramref name="start"/> says (redirected), e.g. bash around the CLI.</summary>
    public static async Task<Result> RunAsync(ProcessStartInfo start, string? stdin = null, TimeSpan? timeout = null)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var patience = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(patience.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public static Task<Result> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunWithInputAsync(environment, null, args);

    /// <summary>Reads a running command's stdout into <paramref name="lines"/> until a wanted line, failing with all it printed after two minutes or at its end.</summary>
    public static async Task<string> ReadUntilAsync(Process process, List<string> lines, Func<string, bool> wanted)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            lines.Add(line);
            if (wanted(line)) return line;
        }
        throw new InvalidOperationException($"the command ended before the expected line; it printed:\n{string.Join('\n', lines)}\n{await process.StandardError.ReadToEndAsync()}");
    }
}
