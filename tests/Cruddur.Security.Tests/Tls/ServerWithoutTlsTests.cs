using Cruddur.Testing;

namespace Cruddur.Security.Tests.Tls;

/// <summary>The shared test server has no TLS, like the document's local container.</summary>
public class ServerWithoutTlsTests(PostgresServer server)
{
    [Theory]
    [InlineData("require")]
    [InlineData("verify-full")]
    public async Task Requiring_tls_from_a_server_without_it_says_so_and_how_to_allow_plaintext(string mode)
    {
        var url = $"postgresql://postgres:{Uri.EscapeDataString(server.Superuser.Password!)}@127.0.0.1:{server.Superuser.Port}/postgres?sslmode={mode}";

        var result = await InProcessCli.RunWithInputAsync(new Dictionary<string, string?> { ["CONNECTION_URL"] = url }, null, "db", "status");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: cannot connect to 127.0.0.1:{server.Superuser.Port}: the server does not offer TLS (sslmode={mode}; turn on ssl on the server, " +
                     "or for a local container allow plaintext with ?sslmode=disable&allow_plaintext=true) (check CONNECTION_URL)", result.Stderr.Trim());
    }
}
