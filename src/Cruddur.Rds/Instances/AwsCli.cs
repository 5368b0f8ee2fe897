using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace Cruddur.Rds.Instances;

/// <summary>
/// Where the AWS CLI calls go: its own chain for credentials and region (from <paramref name="Environment"/>,
/// the whole environment the child gets) unless told otherwise.
/// </summary>
public sealed record AwsCliTarget(string? Region, string? EndpointUrl, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>The AWS CLI that <c>CRUDDUR_AWS_CLI</c> names, else <c>aws</c> on PATH.</summary>
    public string Executable => Environment.GetValueOrDefault("CRUDDUR_AWS_CLI") is { Length: > 0 } path ? path : "aws";
}

/// <summary>
/// The AWS CLI as a child process (no AWSSDK.RDS package is available): JSON out, its one-line error
/// on failure. <c>CRUDDUR_AWS_CLI</c> names another executable than <c>aws</c> on PATH.
/// </summary>
public static class AwsCli
{
    public static async Task<JsonElement> RdsAsync(string verb, AwsCliTarget target, CancellationToken ct, params string[] arguments)
    {
        var start = new ProcessStartInfo(target.Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "rds", verb }.Concat(arguments)) start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--output");
        start.ArgumentList.Add("json");
        if (target.Region is { } region) { start.ArgumentList.Add("--region"); start.ArgumentList.Add(region); }
        if (target.EndpointUrl is { } url) { start.ArgumentList.Add("--endpoint-url"); start.ArgumentList.Add(url); }
        start.Environment.Clear();
        foreach (var (key, value) in target.Environment) start.Environment[key] = value;
        start.Environment["AWS_PAGER"] = "";

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new RdsException($"the AWS CLI ({target.Executable}) was not found (install it: apt-get install awscli, or set CRUDDUR_AWS_CLI)", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
            {
                var message = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? $"exit code {process.ExitCode}";
                throw new RdsException($"aws rds {verb} failed: {message}");
            }
            try
            {
                using var document = JsonDocument.Parse(await stdout);
                return document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw new RdsException($"aws rds {verb} answered something that is not JSON", e);
            }
        }
    }
}
