using System.Text.RegularExpressions;
using Cruddur.Testing;

namespace Cruddur.Rds.Tests;

/// <summary>Runs the real CLI with a clean AWS environment and reads lint output back as rule ids per verdict.</summary>
public static partial class RdsCli
{
    public static readonly Dictionary<string, string?> NoRegion = new()
    {
        ["AWS_REGION"] = null, ["AWS_DEFAULT_REGION"] = null, ["AWS_PROFILE"] = null,
    };

    public static Dictionary<string, string?> Region(string region) => new(NoRegion) { ["AWS_REGION"] = region };

    public static Task<CliProcess.Result> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        CliProcess.RunAsync(environment, args);

    public static Task<CliProcess.Result> LintTextAsync(string text, IReadOnlyDictionary<string, string?>? environment = null, params string[] extra) =>
        CliProcess.RunWithInputAsync(environment ?? NoRegion, text, ["rds", "lint", "-", .. extra]);

    /// <summary>The rule ids on lines starting with <paramref name="verdict"/> (FAIL, UNKNOWN, ACCEPTED), optionally for one instance.</summary>
    public static SortedSet<string> Ids(this CliProcess.Result result, string verdict, string? instance = null) =>
        new(FindingLine().Matches(result.Stdout)
            .Where(m => m.Groups["verdict"].Value == verdict && (instance is null || m.Groups["instance"].Value == instance))
            .Select(m => m.Groups["id"].Value));

    [GeneratedRegex(@"^(?<verdict>FAIL|UNKNOWN|ACCEPTED) (?<id>RDS-[A-Z0-9-]+) \([^)]*\) (?<instance>[^:]+):", RegexOptions.Multiline)]
    private static partial Regex FindingLine();
}
