namespace Cruddur.Rds.Tests.Lint;

/// <summary>Input lint cannot read ends in one clear error line and exit 1, distinct from findings' exit 2.</summary>
public sealed class UnreadableInputTests
{
    [Theory]
    [InlineData("", "Error: the input is empty")]
    [InlineData("hello world", "Error: cannot tell what the input is: expected an 'aws rds create-db-instance' command, describe-db-instances JSON or a CloudFormation template (or pass --input)")]
    [InlineData("{\"DBInstances\": [", "Error: the JSON does not parse (line 1)")]
    [InlineData("{\"DBInstances\": []}", "Error: DBInstances is empty: there is no instance to check")]
    [InlineData("Resources:\n  Db: [unclosed", "Error: the YAML does not parse (line 3)")]
    [InlineData("aws rds describe-db-instances", "Error: cannot tell what the input is: expected an 'aws rds create-db-instance' command, describe-db-instances JSON or a CloudFormation template (or pass --input)")]
    [InlineData("Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n", "Error: the template has no AWS::RDS::DBInstance resource")]
    public async Task Unreadable_input_is_one_red_line_and_exit_1(string input, string error)
    {
        var result = await RdsCli.LintTextAsync(input);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(error, result.Stderr.Trim());
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task A_missing_file_is_named_in_the_error()
    {
        var result = await RdsCli.RunAsync(RdsCli.NoRegion, "rds", "lint", "/nonexistent/db.yaml");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: cannot read /nonexistent/db.yaml (no such directory)", result.Stderr.Trim());
    }

    [Fact]
    public async Task A_forced_format_that_does_not_match_says_what_was_expected()
    {
        var result = await RdsCli.LintTextAsync("aws rds create-db-instance --engine postgres", null, "--input", "describe");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: the JSON does not parse (line 1)", result.Stderr.Trim());
    }
}
