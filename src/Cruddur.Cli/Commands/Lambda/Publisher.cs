using System.Diagnostics;
using Cruddur.Data;

namespace Cruddur.Cli.Commands.Lambda;

/// <summary>Runs <c>dotnet publish -c Release</c> on a project into a folder; a failure names its first error.</summary>
static class Publisher
{
    /// <summary>Publishes and returns how long it took.</summary>
    public static async Task<TimeSpan> PublishAsync(string project, string folder, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "publish", project, "-c", "Release", "-o", folder, "--nologo", "-v", "quiet" })
            start.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new CruddurException("cannot start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = await stdout + await stderr;
        if (process.ExitCode != 0)
            throw new CruddurException($"dotnet publish failed with exit code {process.ExitCode} ({FirstError(output)})");
        return clock.Elapsed;
    }

    static string FirstError(string output) =>
        output.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Contains("error", StringComparison.OrdinalIgnoreCase))
        ?? "no error line; run dotnet publish yourself to see why";
}
