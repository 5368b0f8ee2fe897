namespace Cruddur.Rds.Tests.Instances;

/// <summary>stop, start and status through the real AWS CLI (/usr/bin/aws) against a loopback RDS endpoint.</summary>
public sealed class StopStartStatusTests
{
    static Dictionary<string, string?> Environment => AwsEnvironment.Dummy(("CRUDDUR_AWS_CLI", "/usr/bin/aws"));

    static Task<Testing.CliProcess.Result> RunAsync(LoopbackServer rds, params string[] args) =>
        RdsCli.RunProcessAsync(Environment, ["rds", .. args, "--endpoint-url", rds.Url]);

    [Fact]
    public async Task Status_of_a_stopped_instance_says_when_AWS_will_start_it_again()
    {
        var restart = DateTimeOffset.UtcNow.AddDays(4).AddHours(12);
        using var rds = new LoopbackServer(_ => new(200, "text/xml", RdsXml.Describe(RdsXml.Instance("stopped", restart))));

        var result = await RunAsync(rds, "status");

        Assert.Equal(0, result.ExitCode);
        var form = Assert.Single(rds.Requests).Form;
        Assert.Equal("DescribeDBInstances", form["Action"]);
        Assert.Equal("2014-10-31", form["Version"]);
        Assert.Equal("cruddur-db-instance", form["DBInstanceIdentifier"]);
        Assert.Contains("Instance: cruddur-db-instance (postgres 17.9, db.t3.micro)", result.Stdout);
        Assert.Contains("Status: stopped", result.Stdout);
        Assert.Contains($"Restart: AWS will start it again at {restart.UtcDateTime:yyyy-MM-dd HH:mm} UTC, in 4 days (stopped instances restart after 7 days)", result.Stdout);
        Assert.Contains("Endpoint: cruddur-db-instance.abc123.eu-west-1.rds.amazonaws.com:5432", result.Stdout);
    }

    [Fact]
    public async Task Status_of_an_available_instance_shows_no_restart_time()
    {
        using var rds = new LoopbackServer(_ => new(200, "text/xml", RdsXml.Describe(RdsXml.Instance("available"))));

        var result = await RunAsync(rds, "status", "--id", "cruddur-db-instance");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Status: available", result.Stdout);
        Assert.DoesNotContain("Restart:", result.Stdout);
    }

    [Theory]
    [InlineData("stop", "StopDBInstance", "stopping")]
    [InlineData("start", "StartDBInstance", "starting")]
    public async Task Stop_and_start_send_the_instance_identifier_and_print_the_new_status(string verb, string action, string status)
    {
        using var rds = new LoopbackServer(_ => new(200, "text/xml", RdsXml.Action(action, RdsXml.Instance(status))));

        var result = await RunAsync(rds, verb, "--id", "cruddur-db-instance");

        Assert.Equal(0, result.ExitCode);
        var form = Assert.Single(rds.Requests).Form;
        Assert.Equal(action, form["Action"]);
        Assert.Equal("cruddur-db-instance", form["DBInstanceIdentifier"]);
        Assert.Contains($"Status: {status}", result.Stdout);
        Assert.Equal(verb == "stop", result.Stdout.Contains("AWS starts it again after 7 days"));
    }

    [Fact]
    public async Task An_RDS_error_is_one_line_with_the_service_message()
    {
        using var rds = new LoopbackServer(_ => new(404, "text/xml", RdsXml.Error("DBInstanceNotFound", "DBInstance nope not found.")));

        var result = await RunAsync(rds, "status", "--id", "nope");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: aws rds describe-db-instances failed: An error occurred (DBInstanceNotFound) when calling the DescribeDBInstances operation: DBInstance nope not found.", result.Stderr.Trim());
    }

    [Fact]
    public async Task A_missing_AWS_CLI_names_how_to_install_it()
    {
        var result = await RdsCli.RunProcessAsync(AwsEnvironment.Dummy(("CRUDDUR_AWS_CLI", "/nonexistent/aws")), "rds", "status");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: the AWS CLI (/nonexistent/aws) was not found (install it: apt-get install awscli, or set CRUDDUR_AWS_CLI)", result.Stderr.Trim());
    }
}
