using System.ComponentModel;
using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;

namespace Cruddur.Rds.Instances;

/// <summary>
/// Where the AWS CLI calls go: its own chain for credentials and region (from <paramref name="Environment"/>,
/// the variables the child gets) unless told otherwise.
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
        List<string> argv = ["rds", verb, .. arguments, "--output", "json"];
        if (target.Region is { } region) argv.AddRange(["--region", region]);
        if (target.EndpointUrl is { } url) argv.AddRange(["--endpoint-url", url]);
        var command = Cli.Wrap(target.Executable).WithArguments(argv)
            .WithEnvironmentVariables(new Dictionary<string, string?>(target.Environment!) { ["AWS_PAGER"] = "" })
            .WithValidation(CommandResultValidation.None);

        BufferedCommandResult result;
        try
        {
            result = await command.ExecuteBufferedAsync(ct);
        }
        catch (Win32Exception e)
        {
            throw new RdsException($"the AWS CLI ({target.Executable}) was not found (install it: apt-get install awscli, or set CRUDDUR_AWS_CLI)", e);
        }
        if (result.ExitCode != 0)
        {
            var message = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
                ?? $"exit code {result.ExitCode}";
            throw new RdsException($"aws rds {verb} failed: {message}");
        }
        try
        {
            using var document = JsonDocument.Parse(result.StandardOutput);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new RdsException($"aws rds {verb} answered something that is not JSON", e);
        }
    }
}
