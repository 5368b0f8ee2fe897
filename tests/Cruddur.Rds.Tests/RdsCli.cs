using System.Text.RegularExpressions;
using Cruddur.Testing;

namespace Cruddur.Rds.Tests;

/// <summary>
/// Runs the CLI with a clean AWS environment and reads lint output back as rule ids per verdict: in this
/// process for lint and plan, as a process for the verbs that call AWS (whose SDK and CLI read the real environment).
/// </summary>
public static partial class RdsCli
{
    public static readonly Dictionary<string, string?> NoRegion = new()
    {
        ["AWS_REGION"] = null, ["AWS_DEFAULT_REGION"] = null, ["AWS_PROFILE"] = null,
    };

    public static Dictionary<string, string?> Region(string region) => new(NoRegion) { ["AWS_REGION"] = region };

    public static Task<CliProcess.Result> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        InProcessCli.RunAsync(environment, args);

    public static Task<CliProcess.Result> RunProcessAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        CliProcess.RunAsync(environment, args);

    /// <summary>The CLI run from <paramref name="directory"/>, as CI runs lint from the repository root.</summary>
    public static async Task<CliProcess.Result> RunInAsync(string directory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = CliProcess.StartInfo(environment, args);
        start.WorkingDirectory = directory;
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliProcess.Result(process.ExitCode, await stdout, await stderr);
    }

    public static Task<CliProcess.Result> LintTextAsync(string text, IReadOnlyDictionary<string, string?>? environment = null, params string[] extra) =>
        InProcessCli.RunWithInputAsync(environment ?? NoRegion, text, ["rds", "lint", "-", .. extra]);

    /// <summary>The rule ids on lines starting with <paramref name="verdict"/> (FAIL, UNKNOWN, ACCEPTED), optionally for one instance.</summary>
    public static SortedSet<string> Ids(this CliProcess.Result result, string verdict, string? instance = null) =>
        new(FindingLine().Matches(result.Stdout)
            .Where(m => m.Groups["verdict"].Value == verdict && (instance is null || m.Groups["instance"].Value == instance))
            .Select(m => m.Groups["id"].Value));

    [GeneratedRegex(@"^(?<verdict>FAIL|UNKNOWN|ACCEPTED) (?<id>RDS-[A-Z0-9-]+) \([^)]*\) (?<instance>[^:]+):", RegexOptions.Multiline)]
    private static partial Regex FindingLine();
}
