using System.Diagnostics;
using System.Net;
using Cruddur.Testing;

namespace Cruddur.Cli.Tests;

/// <summary><c>cruddur serve --host</c> and <c>HOST</c>: the listen address, shown in the Listening line.</summary>
public class ServeHostTests(PostgresServer server)
{
    const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    static extern int SendSignal(int pid, int signal);

    [Theory]
    [InlineData("--host", "127.0.0.2")]
    [InlineData("HOST", "127.0.0.3")]
    public async Task Serve_listens_on_the_address_it_is_given_and_says_so(string how, string address)
    {
        var database = await server.CreateDatabaseAsync("serve_on_a_host");
        var port = Cruddur.Chores.Local.FreePort.Find();
        var environment = new Dictionary<string, string?> { ["CONNECTION_URL"] = database.Settings.ConnectionString, ["HOST"] = how == "HOST" ? address : null };
        string[] args = how == "--host" ? ["serve", "--port", port.ToString(), "--host", address] : ["serve", "--port", port.ToString()];
        using var serve = Process.Start(CliProcess.StartInfo(environment, args))!;
        var lines = new List<string>();
        try
        {
            var listening = await CliProcess.ReadUntilAsync(serve, lines, line => line.StartsWith("Listening: "));
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            var health = await client.GetAsync($"http://{address}:{port}/api/health");

            Assert.Equal($"Listening: http://{address}:{port}/ (Ctrl-C stops)", listening);
            Assert.Contains("Cognito: none, so posting is refused (set AWS_COGNITO_USER_POOL_ID and AWS_COGNITO_USER_POOL_CLIENT_ID)", lines);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            SendSignal(serve.Id, SigTerm);
            await serve.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        }
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.300")]
    public async Task A_host_that_is_not_an_ip_address_is_one_error_line(string host)
    {
        var database = await server.CreateDatabaseAsync("serve_on_a_bad_host");

        var result = await InProcessCli.RunAsync(new Dictionary<string, string?> { ["CONNECTION_URL"] = database.Settings.ConnectionString }, "serve", "--host", host);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: --host is '{host}' (expected an IP address to listen on, like 127.0.0.1 or 0.0.0.0)", result.Stderr.Trim());
    }
}
