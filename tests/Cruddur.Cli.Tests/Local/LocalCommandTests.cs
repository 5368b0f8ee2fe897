using Cruddur.Chores.Admin;
using Cruddur.Chores.Local;
using Cruddur.Data.Settings;
using Cruddur.Testing;

namespace Cruddur.Cli.Tests.Local;

/// <summary>The no-setup path: no CONNECTION_URL, so the CLI creates and runs its own cluster.</summary>
public class LocalCommandTests : IAsyncLifetime
{
    readonly string _home = Path.Combine(Path.GetTempPath(), $"cruddur-cli-{Guid.NewGuid():N}");
    Dictionary<string, string?> Environment => new() { ["CRUDDUR_HOME"] = _home };
    CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await new LocalCluster(_home).DestroyAsync(CancellationToken.None);

    [Fact]
    public async Task Up_on_a_fresh_machine_counts_its_steps_ends_with_a_seeded_database_and_hides_the_password()
    {
        var up = await InProcessCli.RunAsync(Environment, "up", "--no-api");
        var again = await InProcessCli.RunAsync(Environment, "up", "--no-api");

        Assert.Equal(0, up.ExitCode);
        Assert.Contains("Seeded: 2 users, 1 activity (0 already present)", up.Stdout);
        Assert.Matches(@"Database: postgresql://postgres:\*\*\*@127\.0\.0\.1:\d+/cruddur", up.Stdout);
        Assert.Contains("Skipped: the database already has users", again.Stdout);
        Assert.Equal(["== local start (1/4)", "== db create (2/4)", "== db schema-load (3/4)", "== db seed (4/4)"],
            up.Stdout.Split('\n').Where(line => line.StartsWith("== ")).ToArray());
        Assert.DoesNotContain('\e', up.Output);
        var database = new Database(new LocalCluster(_home).ConnectionIfInitialized()!, "test");
        Assert.Equal(new RowCounts(2, 1), await RowCounts.ReadAsync(database, Ct));
        Assert.DoesNotContain(database.Settings.Password!, up.Output + again.Output);
    }

    [Fact]
    public async Task Start_status_stop_destroy()
    {
        var start = await InProcessCli.RunAsync(Environment, "local", "start");
        var startAgain = await InProcessCli.RunAsync(Environment, "local", "start");
        var running = await InProcessCli.RunAsync(Environment, "local", "status");
        var stop = await InProcessCli.RunAsync(Environment, "local", "stop");
        var stopped = await InProcessCli.RunAsync(Environment, "local", "status");
        var destroy = await InProcessCli.RunAsync(Environment, "local", "destroy");

        Assert.Equal([0, 0, 0, 0, 3, 0], new[] { start, startAgain, running, stop, stopped, destroy }.Select(r => r.ExitCode));
        Assert.Contains("State: running", running.Stdout);
        Assert.Contains("State: stopped", stopped.Stdout);
        Assert.False(Directory.Exists(_home));
    }
}
