using System.Diagnostics;
using CliWrap;
using CliWrap.Buffered;
using Cruddur.Data;

namespace Cruddur.Cli.Commands.Lambda;

/// <summary>Runs <c>dotnet publish -c Release</c> on a project into a folder; a failure names its first error.</summary>
static class Publisher
{
    /// <summary>Publishes and returns how long it took.</summary>
    public static async Task<TimeSpan> PublishAsync(string project, string folder, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        // One MSBuild process (-m:1): for two projects, worker nodes cost more to start than they save.
        var result = await CliWrap.Cli.Wrap("dotnet")
            .WithArguments(["publish", project, "-c", "Release", "-o", folder, "--nologo", "-v", "quiet", "-m:1"])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(ct);
        if (result.ExitCode != 0)
            throw new CruddurException(
                $"dotnet publish failed with exit code {result.ExitCode} ({FirstError(result.StandardOutput + result.StandardError)})");
        return clock.Elapsed;
    }

    static string FirstError(string output) =>
        output.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Contains("error", StringComparison.OrdinalIgnoreCase))
        ?? "no error line; run dotnet publish yourself to see why";
}
