using Cruddur.Data;
using Cruddur.Data.Settings;
using Cruddur.Secrets;
using Cruddur.Testing;
using Npgsql;

namespace Cruddur.Security.Tests.Tls;

public class TlsTests(TlsServer server) : IClassFixture<TlsServer>
{
    static async Task<bool> EncryptedAsync(Database database)
    {
        await using var source = DataSources.Create(database);
        await using var command = source.CreateCommand("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    static Task<Database?> ResolveAsync(Target target, Dictionary<string, string?> variables) =>
        ConnectionSettings.ResolveAsync(target, ConnectionProfile.Cli, name => variables.GetValueOrDefault(name), ConnectionSecret.SecretsManager, CancellationToken.None);

    Task<CliProcess.Result> StatusAsync(string url) =>
        InProcessCli.RunWithInputAsync(new Dictionary<string, string?> { ["CONNECTION_URL"] = url }, null, "db", "status");

    [Fact]
    public async Task Verify_full_with_the_right_ca_and_host_connects_encrypted()
    {
        var database = await ResolveAsync(Target.Local, new()
        {
            ["CONNECTION_URL"] = server.Url("127.0.0.1", $"sslmode=verify-full&sslrootcert={server.Authority.CaCertificate}"),
        });

        Assert.True(await EncryptedAsync(database!));
    }

    [Fact]
    public async Task Verify_full_with_another_ca_fails_saying_the_certificate_is_not_trusted()
    {
        var result = await StatusAsync(server.Url("127.0.0.1", $"sslmode=verify-full&sslrootcert={server.Authority.OtherCaCertificate}"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Error: cannot connect to 127.0.0.1:{server.Superuser.Port}: the server's TLS certificate is not signed by a trusted CA", result.Stderr);
        Assert.Contains($"sslrootcert={server.Authority.OtherCaCertificate}", result.Stderr);
        Assert.DoesNotContain(server.Superuser.Password!, result.Output);
    }

    [Fact]
    public async Task Verify_full_to_a_host_name_the_certificate_lacks_fails_naming_the_host()
    {
        var result = await StatusAsync(server.Url("localhost", $"sslmode=verify-full&sslrootcert={server.Authority.CaCertificate}"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the server's TLS certificate is not issued for host localhost", result.Stderr);
        Assert.DoesNotContain(server.Superuser.Password!, result.Output);
    }

    [Fact]
    public async Task Verify_ca_to_the_same_host_name_connects_because_it_skips_the_name_check()
    {
        var database = await ResolveAsync(Target.Local, new()
        {
            ["CONNECTION_URL"] = server.Url("localhost", $"sslmode=verify-ca&sslrootcert={server.Authority.CaCertificate}"),
        });

        Assert.True(await EncryptedAsync(database!));
    }

    [Fact]
    public async Task Production_defaults_to_verify_full_with_the_root_certificate_from_PGSSLROOTCERT()
    {
        var database = await ResolveAsync(Target.Prod, new()
        {
            ["PROD_CONNECTION_URL"] = server.Url("127.0.0.1", "application_name=prod-default"),
            ["PGSSLROOTCERT"] = server.Authority.CaCertificate,
        });

        Assert.Equal((SslMode.VerifyFull, server.Authority.CaCertificate), (database!.Settings.SslMode, database.Settings.RootCertificate));
        Assert.True(await EncryptedAsync(database));
    }

    [Fact]
    public async Task Production_uses_the_cached_rds_ca_bundle_when_no_root_certificate_is_given()
    {
        var cache = Directory.CreateTempSubdirectory("cruddur-cache-").FullName;
        try
        {
            var bundle = RdsCaBundle.PathFor(name => name == "XDG_CACHE_HOME" ? cache : null);
            Directory.CreateDirectory(Path.GetDirectoryName(bundle)!);
            File.Copy(server.Authority.CaCertificate, bundle);

            var database = await ResolveAsync(Target.Prod, new()
            {
                ["PROD_CONNECTION_URL"] = server.Url("127.0.0.1", "application_name=prod-bundle"),
                ["XDG_CACHE_HOME"] = cache,
            });

            Assert.Equal(Path.Combine(cache, "cruddur", "rds-global-bundle.pem"), database!.Settings.RootCertificate);
            Assert.True(await EncryptedAsync(database));
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }
}
