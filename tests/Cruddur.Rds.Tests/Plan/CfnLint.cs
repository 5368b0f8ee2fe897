using System.Diagnostics;

namespace Cruddur.Rds.Tests.Plan;

/// <summary>cfn-lint, the real one: on PATH, else pyenv's shim; missing is a failure (./cruddur test checks for it first).</summary>
public static class CfnLint
{
    public static string Path =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/root/.pyenv/shims")
            .Select(dir => System.IO.Path.Combine(dir, "cfn-lint"))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("cfn-lint is not installed (pip install cfn-lint); the plan's template must pass it");

    /// <summary>Its exit code (0: no error, warning or note) and everything it said.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> templates)
    {
        var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var template in templates) start.ArgumentList.Add(template);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }
}
