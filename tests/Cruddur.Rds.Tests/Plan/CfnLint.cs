namespace Cruddur.Rds.Tests.Plan;

/// <summary>cfn-lint, the real one: on PATH, else pyenv's shim; missing is a failure (./cruddur test checks for it first).</summary>
public static class CfnLint
{
    public static string Path =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/root/.pyenv/shims")
            .Select(dir => System.IO.Path.Combine(dir, "cfn-lint"))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("cfn-lint is not installed (pip install cfn-lint); the plan's template must pass it");
}
