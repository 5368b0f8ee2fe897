using Cruddur.Data;
using Cruddur.Data.Settings;
using Cruddur.Secrets;
using Cruddur.Testing;
using Npgsql;

namespace Cruddur.Security.Tests.Tls;

public class PlaintextTests
{
    const string Remote = "cruddur-db-instance.abcdefghijkl.eu-west-1.rds.amazonaws.com";

    static Task<Database?> ResolveAsync(Target target, params (string Name, string Value)[] variables) =>
        ConnectionSettings.ResolveAsync(target, ConnectionProfile.Cli, name => variables.FirstOrDefault(v => v.Name == name).Value, ConnectionSecret.SecretsManager, CancellationToken.None);

    [Theory]
    [InlineData("disable")]
    [InlineData("allow")]
    [InlineData("prefer")]
    public async Task Plaintext_to_a_remote_host_is_refused_with_the_way_to_allow_it(string mode)
    {
        var error = await Assert.ThrowsAsync<CruddurException>(() =>
            ResolveAsync(Target.Prod, ("PROD_CONNECTION_URL", $"postgresql://root:huEE33z2Qvl383@{Remote}:5432/cruddur?sslmode={mode}")));

        Assert.Equal($"refusing sslmode={mode} to {Remote}: the connection may be unencrypted " +
                     "(use sslmode=verify-full in PROD_CONNECTION_URL, or allow plaintext explicitly with ?allow_plaintext=true or CRUDDUR_ALLOW_PLAINTEXT=1)",
            error.Message);
    }

    [Theory]
    [InlineData("?sslmode=disable&allow_plaintext=true", null)]
    [InlineData("?sslmode=disable", "1")]
    public async Task Plaintext_to_a_remote_host_passes_when_explicitly_allowed(string query, string? allowVariable)
    {
        var database = await ResolveAsync(Target.Local, ("CONNECTION_URL", $"postgresql://app:pw@db:5432/cruddur{query}"),
            (Transport.AllowPlaintextVariable, allowVariable ?? ""));

        Assert.Equal((SslMode.Disable, true), (database!.Settings.SslMode, database.Options.AllowPlaintext));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("[::1]")]
    public async Task Plaintext_on_this_machine_needs_no_permission(string host)
    {
        var database = await ResolveAsync(Target.Local, ("CONNECTION_URL", $"postgresql://postgres:pw@{host}:5432/cruddur?sslmode=disable"));

        Assert.Equal(SslMode.Disable, database!.Settings.SslMode);
    }

    [Fact]
    public async Task A_remote_url_without_sslmode_defaults_to_verify_full()
    {
        var database = await ResolveAsync(Target.Local, ("CONNECTION_URL", $"postgresql://app:pw@{Remote}/cruddur"));

        Assert.Equal(SslMode.VerifyFull, database!.Settings.SslMode);
    }

    [Fact]
    public async Task A_local_url_without_sslmode_keeps_the_driver_default()
    {
        var database = await ResolveAsync(Target.Local, ("CONNECTION_URL", "postgresql://postgres:pw@localhost:5432/cruddur"));

        Assert.Equal(SslMode.Prefer, database!.Settings.SslMode);
    }

    [Fact]
    public void A_data_source_for_a_remote_host_without_tls_is_refused()
    {
        var settings = new NpgsqlConnectionStringBuilder($"Host={Remote};Username=app;Password=pw;SSL Mode=Prefer");

        var error = Assert.Throws<CruddurException>(() => DataSources.Create(new Database(settings, "CONNECTION_URL")));

        Assert.StartsWith($"refusing sslmode=prefer to {Remote}", error.Message);
    }

    [Fact]
    public async Task The_cli_refuses_the_documents_publicly_reachable_plaintext_url_in_one_line()
    {
        var result = await InProcessCli.RunWithInputAsync(new Dictionary<string, string?>
        {
            ["PROD_CONNECTION_URL"] = $"postgresql://root:huEE33z2Qvl383@{Remote}:5432/cruddur?sslmode=disable",
        }, null, "db", "status", "--prod");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"Error: refusing sslmode=disable to {Remote}", result.Stderr);
        Assert.DoesNotContain("huEE33z2Qvl383", result.Output);
    }
}
