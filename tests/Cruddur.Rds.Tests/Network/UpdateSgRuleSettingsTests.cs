namespace Cruddur.Rds.Tests.Network;

/// <summary>
/// Where update-sg-rule takes its region and ids from, and the one line it gives when one is missing
/// or malformed: named by its source (AWS_REGION, DB_SG_ID, a flag), never as an SDK stack trace.
/// </summary>
public sealed class UpdateSgRuleSettingsTests : IDisposable
{
    const string GroupId = "sg-0a1b2c3d4e5f67890";
    const string RuleId = "sgr-0123456789abcdef0";

    readonly LoopbackServer _ec2 = new(_ => new(200, "text/xml",
        "<ModifySecurityGroupRulesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><return>true</return></ModifySecurityGroupRulesResponse>"));

    public void Dispose() => _ec2.Dispose();

    Task<Testing.CliProcess.Result> RunAsync(params string[] args) =>
        RdsCli.RunProcessAsync(AwsEnvironment.Dummy(("DB_SG_ID", GroupId), ("DB_SG_RULE_ID", RuleId)),
            ["rds", "update-sg-rule", "--endpoint-url", _ec2.Url, .. args]);

    [Theory]
    [InlineData(null)]
    [InlineData("http://127.0.0.1:9/")]
    public async Task No_region_is_one_line_naming_how_to_set_it(string? endpoint)
    {
        var environment = AwsEnvironment.Dummy(("AWS_REGION", null), ("AWS_DEFAULT_REGION", null), ("DB_SG_ID", GroupId), ("DB_SG_RULE_ID", RuleId));
        string[] where = endpoint is null ? [] : ["--endpoint-url", endpoint];

        var result = await RdsCli.RunProcessAsync(environment, ["rds", "update-sg-rule", "--ip", "203.0.113.7", .. where]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: no AWS region (set AWS_REGION, pass --region, or give your AWS profile a region)", result.Stderr.Trim());
        Assert.DoesNotContain("Exception", result.Output);
    }

    [Fact]
    public async Task A_region_from_the_profile_is_used_when_AWS_REGION_is_unset()
    {
        var config = Path.GetTempFileName();
        await File.WriteAllTextAsync(config, "[default]\nregion = eu-central-1\n");
        try
        {
            var result = await RdsCli.RunProcessAsync(AwsEnvironment.Dummy(("AWS_REGION", null), ("AWS_DEFAULT_REGION", null), ("AWS_CONFIG_FILE", config)),
                "rds", "update-sg-rule", "--endpoint-url", _ec2.Url, "--group-id", GroupId, "--rule-id", RuleId, "--ip", "203.0.113.7");

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("/eu-central-1/ec2/aws4_request", Assert.Single(_ec2.Requests).Headers["Authorization"]);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Theory]
    [InlineData("DB_SG_ID", "sg-nothex", "Error: DB_SG_ID 'sg-nothex' is not valid (expected sg- and hex digits)")]
    [InlineData("DB_SG_RULE_ID", "rule-1", "Error: DB_SG_RULE_ID 'rule-1' is not valid (expected sgr- and hex digits)")]
    public async Task An_invalid_id_from_the_environment_names_the_variable_it_came_from(string variable, string value, string error)
    {
        var environment = AwsEnvironment.Dummy(("DB_SG_ID", GroupId), ("DB_SG_RULE_ID", RuleId), (variable, value));

        var result = await RdsCli.RunProcessAsync(environment, "rds", "update-sg-rule", "--endpoint-url", _ec2.Url, "--ip", "203.0.113.7");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(error, result.Stderr.Trim());
        Assert.Empty(_ec2.Requests);
    }

    [Fact]
    public async Task An_invalid_id_from_a_flag_names_the_flag()
    {
        var result = await RunAsync("--group-id", "sg-nothex", "--ip", "203.0.113.7");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: --group-id 'sg-nothex' is not valid (expected sg- and hex digits)", result.Stderr.Trim());
    }
}
