using System.Diagnostics;

namespace Cruddur.Security.Tests.Iam;

/// <summary>The real AWS CLI (<c>/usr/bin/aws</c>) with static credentials and no profile files.</summary>
static class AwsCli
{
    public static async Task<string> RunAsync(IReadOnlyDictionary<string, string> credentials, params string[] arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/aws", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var (key, value) in credentials) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"aws {arguments[0]} failed: {await stderr}");
        return (await stdout).Trim();
    }
}
