using Cruddur.Testing;
using Npgsql;

namespace Cruddur.Security.Tests.Hygiene;

/// <summary>No password, token or AWS secret key in what the CLI prints, even with --verbose.</summary>
public class SecretOutputTests(PostgresServer server)
{
    const string WrongPassword = "Wr0ngButSecret-5d1e";
    const string AwsSecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    string Url(string user, string? password, string query = "") =>
        $"postgresql://{user}{(password is null ? "" : ":" + Uri.EscapeDataString(password))}@127.0.0.1:{server.Superuser.Port}/postgres{query}";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_wrong_password_fails_in_one_line_that_does_not_contain_it(bool verbose)
    {
        string[] args = verbose ? ["db", "status", "--verbose"] : ["db", "status"];

        var result = await InProcessCli.RunWithInputAsync(new Dictionary<string, string?> { ["CONNECTION_URL"] = Url("postgres", WrongPassword) }, null, args);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"Error: cannot connect to 127.0.0.1:{server.Superuser.Port}: password authentication failed for user postgres (check CONNECTION_URL)", result.Stderr);
        Assert.DoesNotContain(WrongPassword, result.Output);
    }

    [Theory]
    [InlineData("postgresql://root:Sup3rSecret@h/db?sslmode=sometimes")]
    [InlineData("postgresql://root:Sup3rSecret@h/db?auth=kerberos")]
    [InlineData("postgresql://root:Sup3rSecret@h/db?allow_plaintext=maybe")]
    [InlineData("postgresql://root:Sup3rSecret@/db")]
    [InlineData("http://root:Sup3rSecret@h/db")]
    [InlineData("Host=h;Password=Sup3rSecret;Port=notaport")]
    [InlineData("postgresql://root:Sup3rSecret@db.example.com/cruddur?sslmode=disable")]
    public async Task A_malformed_or_refused_url_is_reported_without_its_password(string url)
    {
        var result = await InProcessCli.RunWithInputAsync(new Dictionary<string, string?> { ["PROD_CONNECTION_URL"] = url }, null, "db", "status", "--prod", "--verbose");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Error: ", result.Stderr);
        Assert.DoesNotContain("Sup3rSecret", result.Output);
    }

    [Fact]
    public async Task An_iam_login_sends_a_token_and_never_prints_it_or_the_aws_secret_key()
    {
        var role = $"iam_user_{Guid.NewGuid():N}"[..20];
        await server.ExecuteAsync($"CREATE ROLE {role} LOGIN");
        // A real process: the AWS SDK reads its credentials and region from the process environment.

        var result = await CliProcess.RunWithInputAsync(new Dictionary<string, string?>
        {
            ["CONNECTION_URL"] = Url(role, null, "?auth=iam&region=eu-west-1"),
            ["AWS_ACCESS_KEY_ID"] = "AKIAIOSFODNN7EXAMPLE",
            ["AWS_SECRET_ACCESS_KEY"] = AwsSecretKey,
            ["AWS_CONFIG_FILE"] = "/dev/null",
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
        }, null, "db", "status", "--verbose");

        // A plain PostgreSQL has no rds_iam: it checks the token as a password, and the role has none.
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"Error: cannot connect to 127.0.0.1:{server.Superuser.Port}: IAM authentication failed for user {role} (the user needs GRANT rds_iam", result.Stderr);
        Assert.DoesNotContain("X-Amz-Signature", result.Output);
        Assert.DoesNotContain(AwsSecretKey, result.Output);
    }

    [Fact]
    public async Task An_iam_url_with_a_password_is_refused()
    {
        var result = await InProcessCli.RunWithInputAsync(new Dictionary<string, string?> { ["CONNECTION_URL"] = Url("app", "Sup3rSecret", "?auth=iam") }, null, "db", "status");

        Assert.Equal((1, "Error: CONNECTION_URL has both a password and auth=iam (remove the password)"), (result.ExitCode, result.Stderr.Trim()));
    }

    [Fact]
    public async Task An_iam_login_without_a_region_says_where_to_set_one()
    {
        // A real process: the AWS SDK looks for a region in the process environment.
        var result = await CliProcess.RunWithInputAsync(new Dictionary<string, string?>
        {
            ["CONNECTION_URL"] = Url("app", null, "?auth=iam"),
            ["AWS_REGION"] = null,
            ["AWS_DEFAULT_REGION"] = null,
            ["AWS_CONFIG_FILE"] = "/dev/null",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        }, null, "db", "status");

        Assert.Equal((1, "Error: auth=iam needs an AWS region (add ?region=eu-west-1 to the URL or set AWS_REGION)"), (result.ExitCode, result.Stderr.Trim()));
    }

    [Fact]
    public async Task The_redacted_url_shows_the_user_and_hides_the_password()
    {
        var result = await InProcessCli.RunWithInputAsync(
            new Dictionary<string, string?> { ["CONNECTION_URL"] = Url("postgres", server.Superuser.Password) }, null, "db", "status");

        Assert.True(result.ExitCode == 3, result.Output); // connected; 3 because the postgres database has no migrations
        Assert.Contains($"Url: postgresql://postgres:***@127.0.0.1:{server.Superuser.Port}/postgres", result.Stdout);
        Assert.DoesNotContain(server.Superuser.Password!, result.Output);
    }
}
