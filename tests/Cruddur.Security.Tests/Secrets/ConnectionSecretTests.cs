using System.Text.Json;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Cruddur.Data;
using Cruddur.Secrets;
using Cruddur.Data.Settings;
using Cruddur.Testing;
using Npgsql;

namespace Cruddur.Security.Tests.Secrets;

// The CLI runs as a real process here: the AWS SDK reads its region, endpoint and keys from the process environment.
public class ConnectionSecretTests(PostgresServer server)
{
    const string SecretId = "cruddur/prod/app";
    const string Reference = ConnectionSecret.ReferencePrefix + SecretId;

    /// <summary>A login role of its own with a random password, able to read the test database.</summary>
    async Task<(string Role, string Password)> CreateLoginAsync()
    {
        var role = $"secret_user_{Guid.NewGuid():N}"[..24];
        var password = $"pw-{Guid.NewGuid():N}";
        await server.ExecuteAsync($"CREATE ROLE {Identifier.Quote(role)} LOGIN PASSWORD '{password}' IN ROLE pg_read_all_data");
        return (role, password);
    }

    static AmazonSimpleSystemsManagementClient Client(SsmListener listener) =>
        new(new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
            new AmazonSimpleSystemsManagementConfig { ServiceURL = listener.Url, AuthenticationRegion = "eu-west-1" });

    [Fact]
    public async Task A_managed_master_secret_supplies_user_and_password_for_the_urls_host()
    {
        var database = await server.CreateDatabaseAsync("secret_from_parameter_store");
        var (role, password) = await CreateLoginAsync();
        await using var listener = new SsmListener(new() { [Reference] = JsonSerializer.Serialize(new { username = role, password }) });
        var url = ConnectionUrl.Read($"postgresql://127.0.0.1:{server.Superuser.Port}/{database.Name}?secret={Uri.EscapeDataString(SecretId)}", "CONNECTION_URL");

        using var ssm = Client(listener);
        var spec = await ConnectionSecret.ApplyAsync(url, ssm, url.Options.SecretId!, CancellationToken.None);
        await using var source = DataSources.Create(new Database(spec.Settings, "CONNECTION_URL"));
        await using var whoami = source.CreateCommand("SELECT current_user");

        var request = Assert.Single(listener.Requests);
        Assert.Equal(("POST", "AmazonSSM.GetParameter", "application/x-amz-json-1.1"), (request.Method, request.Target, request.ContentType));
        Assert.Equal(Reference, request.Body.GetProperty("Name").GetString());
        Assert.True(request.Body.GetProperty("WithDecryption").GetBoolean());
        Assert.Equal(role, await whoami.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_secret_with_host_port_and_dbname_is_a_whole_connection_through_the_cli()
    {
        var database = await server.CreateDatabaseAsync("secret_whole_connection");
        var (role, password) = await CreateLoginAsync();
        var secret = JsonSerializer.Serialize(new { username = role, password, host = "127.0.0.1", port = server.Superuser.Port, dbname = database.Name });
        await using var listener = new SsmListener(new() { [Reference] = secret });

        var result = await CliProcess.RunWithInputAsync(AwsEnvironment(listener, new() { ["CONNECTION_SECRET"] = SecretId }), null, "db", "status");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"Url: postgresql://{role}:***@127.0.0.1:{server.Superuser.Port}/{database.Name}", result.Stdout);
        Assert.DoesNotContain(password, result.Output);
        Assert.Equal("AmazonSSM.GetParameter", Assert.Single(listener.Requests).Target);
    }

    [Theory]
    [InlineData("missing/secret", "secret missing/secret not found in Secrets Manager")]
    [InlineData(SecretId, "secret cruddur/prod/app is not JSON")]
    public async Task A_missing_or_malformed_secret_is_one_clear_line_without_its_content(string secretId, string expected)
    {
        await using var listener = new SsmListener(new() { [Reference] = "password=Sup3rSecretValue" });

        var result = await CliProcess.RunWithInputAsync(AwsEnvironment(listener, new()
        {
            ["CONNECTION_URL"] = $"postgresql://127.0.0.1:{server.Superuser.Port}/cruddur?secret={Uri.EscapeDataString(secretId)}",
        }), null, "db", "status");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Error: {expected}", result.Stderr);
        Assert.DoesNotContain("Sup3rSecretValue", result.Output);
    }

    [Fact]
    public async Task A_secret_without_an_aws_region_says_where_to_set_one()
    {
        var result = await CliProcess.RunWithInputAsync(new Dictionary<string, string?>
        {
            ["CONNECTION_SECRET"] = SecretId,
            ["AWS_REGION"] = null,
            ["AWS_DEFAULT_REGION"] = null,
            ["AWS_CONFIG_FILE"] = "/dev/null",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        }, null, "db", "status");

        Assert.Equal((1, "Error: reading a secret needs an AWS region (add ?region=eu-west-1 to the URL or set AWS_REGION)"),
            (result.ExitCode, result.Stderr.Trim()));
    }

    static Dictionary<string, string?> AwsEnvironment(SsmListener listener, Dictionary<string, string?> more)
    {
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL_SSM"] = listener.Url,
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_ACCESS_KEY_ID"] = "AKIAIOSFODNN7EXAMPLE",
            ["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            ["AWS_CONFIG_FILE"] = "/dev/null",
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };
        foreach (var (key, value) in more) environment[key] = value;
        return environment;
    }
}
