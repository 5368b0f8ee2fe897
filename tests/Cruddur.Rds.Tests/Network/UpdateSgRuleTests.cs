using Cruddur.Chores.Local;

namespace Cruddur.Rds.Tests.Network;

/// <summary>
/// The document's rds-update-sg-rule through the real AWSSDK.EC2 client against a loopback EC2, with a
/// loopback IP echo service instead of <c>curl ifconfig.me</c>.
/// </summary>
public sealed class UpdateSgRuleTests : IDisposable
{
    const string GroupId = "sg-0a1b2c3d4e5f67890";
    const string RuleId = "sgr-0123456789abcdef0";

    readonly LoopbackServer _ec2 = new(_ => new(200, "text/xml",
        "<ModifySecurityGroupRulesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId><return>true</return></ModifySecurityGroupRulesResponse>"));
    readonly LoopbackServer _checkIp = new(_ => new(200, "text/plain", "203.0.113.7\n"));

    public void Dispose()
    {
        _ec2.Dispose();
        _checkIp.Dispose();
    }

    Task<Testing.CliProcess.Result> RunAsync(params string[] args) =>
        RdsCli.RunProcessAsync(AwsEnvironment.Dummy(("DB_SG_ID", GroupId), ("DB_SG_RULE_ID", RuleId)),
            ["rds", "update-sg-rule", "--endpoint-url", _ec2.Url, .. args]);

    [Fact]
    public async Task Sends_the_document_rule_change_with_the_detected_ip_as_a_slash_32()
    {
        var result = await RunAsync("--ip-url", _checkIp.Url + "/", "--description", "cruddur dev ana@laptop");

        Assert.Equal(0, result.ExitCode);
        var request = Assert.Single(_ec2.Requests);
        Assert.Equal("POST", request.Method);
        var form = request.Form;
        Assert.Equal("ModifySecurityGroupRules", form["Action"]);
        Assert.Equal("2016-11-15", form["Version"]);
        Assert.Equal(GroupId, form["GroupId"]);
        Assert.Equal(RuleId, form["SecurityGroupRule.1.SecurityGroupRuleId"]);
        Assert.Equal("tcp", form["SecurityGroupRule.1.SecurityGroupRule.IpProtocol"]);
        Assert.Equal("5432", form["SecurityGroupRule.1.SecurityGroupRule.FromPort"]);
        Assert.Equal("5432", form["SecurityGroupRule.1.SecurityGroupRule.ToPort"]);
        Assert.Equal("203.0.113.7/32", form["SecurityGroupRule.1.SecurityGroupRule.CidrIpv4"]);
        Assert.Equal("cruddur dev ana@laptop", form["SecurityGroupRule.1.SecurityGroupRule.Description"]);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", request.Headers["Authorization"]);
        Assert.Contains("/eu-west-1/ec2/aws4_request", request.Headers["Authorization"]);
        Assert.Single(_checkIp.Requests);
        Assert.Contains($"Ip: 203.0.113.7 (from {_checkIp.Url}/)", result.Stdout);
        Assert.Contains($"Updated: {RuleId} in {GroupId}: tcp 5432 from 203.0.113.7/32 \"cruddur dev ana@laptop\"", result.Stdout);
    }

    [Fact]
    public async Task Flags_override_the_environment_and_a_given_ip_asks_no_echo_service()
    {
        var result = await RunAsync("--group-id", "sg-0fffffffffffffff0", "--rule-id", "sgr-0eeeeeeeeeeeeeee0", "--ip", "198.51.100.20", "--ip-url", _checkIp.Url);

        Assert.Equal(0, result.ExitCode);
        var form = Assert.Single(_ec2.Requests).Form;
        Assert.Equal("sg-0fffffffffffffff0", form["GroupId"]);
        Assert.Equal("sgr-0eeeeeeeeeeeeeee0", form["SecurityGroupRule.1.SecurityGroupRuleId"]);
        Assert.Equal("198.51.100.20/32", form["SecurityGroupRule.1.SecurityGroupRule.CidrIpv4"]);
        Assert.StartsWith("cruddur dev ", form["SecurityGroupRule.1.SecurityGroupRule.Description"]);
        Assert.Empty(_checkIp.Requests);
    }

    [Fact]
    public async Task A_wider_range_is_sent_only_when_max_prefix_allows_it()
    {
        var result = await RunAsync("--ip", "203.0.113.7/29", "--max-prefix", "29");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("203.0.113.0/29", Assert.Single(_ec2.Requests).Form["SecurityGroupRule.1.SecurityGroupRule.CidrIpv4"]);
    }

    [Theory]
    [InlineData("0.0.0.0/0", "Error: refusing 0.0.0.0/0: that opens PostgreSQL to the whole internet (the document's own rule: do not put 0.0.0.0/0)")]
    [InlineData("::/0", "Error: refusing ::/0: that opens PostgreSQL to the whole IPv6 internet")]
    [InlineData("10.0.0.0/8", "Error: refusing /8: wider than --max-prefix /32 allows (16777216 addresses)")]
    [InlineData("203.0.113.7/31", "Error: refusing /31: wider than --max-prefix /32 allows (2 addresses)")]
    [InlineData("2001:db8::1", "Error: '2001:db8::1' is IPv6; the rule takes an IPv4 address (CidrIpv4)")]
    [InlineData("not-an-ip", "Error: 'not-an-ip' is not an IPv4 address or CIDR")]
    public async Task Open_or_wide_ranges_are_refused_before_any_call_to_EC2(string ip, string error)
    {
        var result = await RunAsync("--ip", ip);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(error, result.Stderr.Trim());
        Assert.Empty(_ec2.Requests);
    }

    [Fact]
    public async Task An_unreachable_ip_service_is_a_clear_error_naming_the_fix()
    {
        var closed = $"http://127.0.0.1:{FreePort.Find()}/";

        var result = await RunAsync("--ip-url", closed);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: cannot find your public IP: {closed} is unreachable (ConnectionError) (give it with --ip)", result.Stderr.Trim());
        Assert.Empty(_ec2.Requests);
    }

    [Fact]
    public async Task An_ip_service_answering_garbage_is_a_clear_error()
    {
        using var garbage = new LoopbackServer(_ => new(200, "text/html", "<html>rate limited</html>"));

        var result = await RunAsync("--ip-url", garbage.Url + "/");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: cannot find your public IP: {garbage.Url}/ did not answer with an IPv4 address (give it with --ip)", result.Stderr.Trim());
        Assert.Empty(_ec2.Requests);
    }

    [Fact]
    public async Task An_EC2_error_is_surfaced_with_its_code_and_message()
    {
        using var ec2 = new LoopbackServer(_ => new(400, "text/xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>InvalidSecurityGroupRuleId.NotFound</Code>" +
            $"<Message>The security group rule ID '{RuleId}' does not exist</Message></Error></Errors><RequestID>b1f5c1b2-EXAMPLE</RequestID></Response>"));

        var result = await RdsCli.RunProcessAsync(AwsEnvironment.Dummy(("DB_SG_ID", GroupId), ("DB_SG_RULE_ID", RuleId)),
            "rds", "update-sg-rule", "--endpoint-url", ec2.Url, "--ip", "203.0.113.7");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: EC2 refused ModifySecurityGroupRules: InvalidSecurityGroupRuleId.NotFound: The security group rule ID '{RuleId}' does not exist", result.Stderr.Trim());
    }

    [Fact]
    public async Task Missing_credentials_are_one_line_naming_where_the_SDK_looks()
    {
        var environment = AwsEnvironment.Dummy(("AWS_ACCESS_KEY_ID", null), ("AWS_SECRET_ACCESS_KEY", null));

        var result = await RdsCli.RunProcessAsync(environment, "rds", "update-sg-rule", "--endpoint-url", _ec2.Url,
            "--group-id", GroupId, "--rule-id", RuleId, "--ip", "203.0.113.7");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: no AWS credentials found (set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)", result.Stderr.Trim());
        Assert.Empty(_ec2.Requests);
    }

    [Fact]
    public async Task An_unreachable_EC2_endpoint_is_named_in_the_error()
    {
        var closed = $"http://127.0.0.1:{FreePort.Find()}/";

        var result = await RdsCli.RunProcessAsync(AwsEnvironment.Dummy(), "rds", "update-sg-rule", "--endpoint-url", closed,
            "--group-id", GroupId, "--rule-id", RuleId, "--ip", "203.0.113.7");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: cannot reach EC2 at {closed} (ConnectionError)", result.Stderr.Trim());
    }

    [Fact]
    public async Task Missing_group_and_rule_ids_name_the_document_variables()
    {
        var result = await RdsCli.RunProcessAsync(AwsEnvironment.Dummy(), "rds", "update-sg-rule", "--endpoint-url", _ec2.Url, "--ip", "203.0.113.7");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: no security group id (set DB_SG_ID or pass --group-id)", result.Stderr.Trim());
        Assert.Empty(_ec2.Requests);
    }
}
