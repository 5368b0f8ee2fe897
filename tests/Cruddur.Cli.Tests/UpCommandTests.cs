using System.Diagnostics;
using System.Text.Json;
using Cruddur.Testing;
using Cruddur.Chores.Local;

namespace Cruddur.Cli.Tests;

/// <summary><c>cruddur up</c>: it prepares the database, then serves the API until Ctrl-C (a real process, to get the signal).</summary>
public class UpCommandTests(PostgresServer server)
{
    const int SigInt = 2;

    // What Ctrl-C in a terminal sends.
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    static extern int SendSignal(int pid, int signal);

    [Fact]
    public async Task Up_serves_the_seeded_activity_on_the_port_and_stops_cleanly_on_ctrl_c()
    {
        var database = await server.CreateDatabaseAsync("up_serves_the_seeded_activity", migrated: false);
        var port = FreePort.Find();
        using var up = Process.Start(AsFromATerminal(CliProcess.StartInfo(Environment(database), "up", "--port", port.ToString(), "--no-cognito")))!;
        var stdout = new List<string>();
        string listening;
        JsonElement feed;
        try
        {
            listening = await CliProcess.ReadUntilAsync(up, stdout, line => line.StartsWith("Listening: "));
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
            feed = JsonDocument.Parse(await client.GetStringAsync("/api/activities/home")).RootElement;
            Assert.Equal(0, SendSignal(up.Id, SigInt));
            await CliProcess.ReadUntilAsync(up, stdout, line => line == "Stopped");
            await up.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        }
        finally
        {
            if (!up.HasExited) up.Kill(entireProcessTree: true);
        }

        Assert.Equal($"Listening: http://127.0.0.1:{port}/ (Ctrl-C stops)", listening);
        Assert.Equal("This was imported as seed data!", Assert.Single(feed.EnumerateArray()).GetProperty("message").GetString());
        Assert.Equal(0, up.ExitCode);
        Assert.DoesNotContain(stdout, line => line.Contains(database.Settings.Password!));
    }

    [Fact]
    public async Task Up_with_no_api_prepares_the_database_and_returns()
    {
        var database = await server.CreateDatabaseAsync("up_without_the_api_returns", migrated: false);

        var result = await InProcessCli.RunWithInputAsync(Environment(database), null, "up", "--no-api");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Seeded: 2 users, 1 activity", result.Stdout);
        Assert.DoesNotContain("Listening", result.Stdout);
    }

    [Fact]
    public async Task Serve_on_a_port_in_use_is_one_error_line_naming_the_port()
    {
        var database = await server.CreateDatabaseAsync("serve_on_a_busy_port");
        using var busy = new OccupiedPort();
        var port = busy.Port;

        // A real process: the API logs to the console, where a Kestrel failure would show, not to the CLI's writers.
        var result = await CliProcess.RunWithInputAsync(Environment(database), null, "serve", "--port", port.ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: port {port} on 127.0.0.1 is already in use (pick another with --port)", result.Stderr.Trim());
        Assert.DoesNotContain("Hosting failed", result.Stdout);
    }

    // A shell starting a background job (`./cruddur test &`, some CI runners) makes it ignore SIGINT, and
    // children inherit that; a terminal's foreground process has it at its default, as `up` here must.
    static ProcessStartInfo AsFromATerminal(ProcessStartInfo start)
    {
        start.ArgumentList.Insert(0, start.FileName);
        start.ArgumentList.Insert(0, "--default-signal=INT");
        start.FileName = "env";
        return start;
    }

    static Dictionary<string, string?> Environment(Data.Settings.Database database) =>
        new() { ["CONNECTION_URL"] = database.Settings.ConnectionString, ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null };

}
