using System.Net;
using System.Net.Sockets;
using Cruddur.Testing;
using Cruddur.Chores.Local;

namespace Cruddur.Cli.Tests.Db;

public class ConnectionErrorTests(PostgresServer server)
{
    [Fact]
    public async Task Server_down_is_one_line_naming_host_port_and_cause()
    {
        var closedPort = FreePort.Find();

        var result = await InProcessCli.RunAsync(
            new Dictionary<string, string?> { ["CONNECTION_URL"] = $"postgresql://postgres:Sup3rSecret@127.0.0.1:{closedPort}/cruddur" },
            "db", "status");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: cannot connect to 127.0.0.1:{closedPort}: connection refused (is the server running?) (check CONNECTION_URL)\n", result.Stderr);
        Assert.DoesNotContain("Sup3rSecret", result.Output);
    }

    [Fact]
    public async Task Wrong_password_is_one_line_without_the_password()
    {
        var database = await server.CreateDatabaseAsync(nameof(Wrong_password_is_one_line_without_the_password));
        var environment = new Dictionary<string, string?> { ["CONNECTION_URL"] = CliEnvironment.Url(database, "Wr0ng-Passw0rd") };

        var result = await InProcessCli.RunAsync(environment, "db", "seed");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: cannot connect to 127.0.0.1:{database.Settings.Port}: password authentication failed for user postgres (check CONNECTION_URL)\n", result.Stderr);
        Assert.DoesNotContain("Wr0ng-Passw0rd", result.Output);
    }

    [Fact]
    public async Task A_malformed_url_says_what_is_wrong_without_the_password()
    {
        var result = await InProcessCli.RunAsync(
            new Dictionary<string, string?> { ["CONNECTION_URL"] = "postgresql://root:huEE33z2Qvl383@db.example.com/cruddur?sslmode=sometimes" },
            "db", "status");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: CONNECTION_URL has sslmode 'sometimes' (expected disable, allow, prefer, require, verify-ca or verify-full)\n", result.Stderr);
        Assert.DoesNotContain("huEE33z2Qvl383", result.Output);
    }

    [Fact]
    public async Task Verbose_adds_the_stack_trace_but_still_no_password()
    {
        var result = await InProcessCli.RunAsync(
            new Dictionary<string, string?> { ["CONNECTION_URL"] = $"postgresql://postgres:Sup3rSecret@127.0.0.1:{FreePort.Find()}/cruddur" },
            "db", "status", "--verbose");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("at Cruddur.", result.Stderr);
        Assert.DoesNotContain("Sup3rSecret", result.Output);
    }

    [Theory]
    [InlineData("garbage", "it is neither a postgresql:// URL nor Npgsql keywords; expected postgresql://user:password@host:5432/cruddur or Host=...;Username=...")]
    [InlineData("Host=db.example.com;Port=fifty;Password=huEE33z2Qvl383", "Port has an invalid value")]
    [InlineData("Host=db.example.com;Colour=blue;Password=huEE33z2Qvl383", "unknown keyword 'Colour'")]
    public async Task A_connection_url_that_is_not_one_says_what_is_wrong_in_plain_words(string value, string problem)
    {
        var result = await InProcessCli.RunAsync(new Dictionary<string, string?> { ["CONNECTION_URL"] = value }, "db", "status");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: CONNECTION_URL is not a valid connection string ({problem})\n", result.Stderr);
        Assert.DoesNotContain("huEE33z2Qvl383", result.Output);
    }

    [Theory]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n", "the server's answer is not PostgreSQL's protocol (is PostgreSQL listening on this port?)")]
    [InlineData("", "the server hung up without answering as PostgreSQL does (is PostgreSQL listening on this port?)")]
    public async Task A_server_that_is_not_postgres_is_one_line_saying_so(string answer, string cause)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource();
        var server = AnswerEveryConnectionAsync(listener, answer, stop.Token);

        var result = await InProcessCli.RunAsync(
            new Dictionary<string, string?> { ["CONNECTION_URL"] = $"postgresql://postgres:Sup3rSecret@127.0.0.1:{port}/cruddur" }, "db", "status");
        await stop.CancelAsync();
        await server;

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: cannot connect to 127.0.0.1:{port}: {cause} (check CONNECTION_URL)\n", result.Stderr);
    }

    // Reads what the client sends first, answers (or not), and hangs up: a web server, or a service that refuses.
    static async Task AnswerEveryConnectionAsync(TcpListener listener, string answer, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var client = await listener.AcceptTcpClientAsync(stop);
                var stream = client.GetStream();
                _ = await stream.ReadAsync(new byte[64], stop);
                await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(answer), stop);
                client.Client.Shutdown(SocketShutdown.Both);
            }
            catch (OperationCanceledException)
            {
                // the CLI has given its answer: the test is over
            }
            catch (Exception e) when (e is SocketException or IOException)
            {
                // the client hung up first (it retries): wait for the next connection
            }
        }
    }
}
