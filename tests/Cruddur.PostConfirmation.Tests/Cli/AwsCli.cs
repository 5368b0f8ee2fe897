using System.Diagnostics;

namespace Cruddur.PostConfirmation.Tests.Cli;

/// <summary>Debian's AWS CLI v2 (/usr/bin/aws) calling a local endpoint with dummy credentials, nothing read from ~/.aws.</summary>
public static class AwsCli
{
    public sealed record Invocation(int ExitCode, string Stdout, string Stderr, string Payload);

    public static async Task<Invocation> InvokeAsync(string endpoint, string functionName, string eventFile)
    {
        var outFile = Path.Combine(Path.GetTempPath(), $"cruddur-aws-out-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo("/usr/bin/aws")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "lambda", "invoke", "--endpoint-url", endpoint, "--function-name", functionName,
                     "--cli-binary-format", "raw-in-base64-out", "--payload", "file://" + eventFile, "--output", "json", outFile,
                 })
            start.ArgumentList.Add(argument);
        start.Environment["AWS_ACCESS_KEY_ID"] = "AKIDLOCALTEST";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "local-test-secret";
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["AWS_PAGER"] = "";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await process.WaitForExitAsync(timeout.Token);
            var payload = File.Exists(outFile) ? await File.ReadAllTextAsync(outFile) : "";
            return new Invocation(process.ExitCode, await stdout, await stderr, payload);
        }
        finally
        {
            File.Delete(outFile);
        }
    }
}
