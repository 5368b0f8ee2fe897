using Cruddur.Chores.Local;
using Cruddur.Testing;

namespace Cruddur.Cli.Tests.Local;

/// <summary><c>local start --replicas</c>, <c>local status</c>, <c>db status</c> and <c>local promote</c> as a user runs them.</summary>
public class ReplicaCommandTests : IAsyncLifetime
{
    readonly string _home = Path.Combine(Path.GetTempPath(), $"cruddur-cli-replicas-{Guid.NewGuid():N}");
    Dictionary<string, string?> Environment => new() { ["CRUDDUR_HOME"] = _home };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await new LocalCluster(_home).DestroyAsync(CancellationToken.None);

    [Fact]
    public async Task Start_with_replicas_shows_each_servers_role_port_and_lag_then_promote_fails_over()
    {
        var start = await InProcessCli.RunAsync(Environment, "local", "start", "--replicas", "2", "--sync");
        var up = await InProcessCli.RunAsync(Environment, "up", "--no-api");
        var status = await InProcessCli.RunAsync(Environment, "local", "status");
        var dbStatus = await InProcessCli.RunAsync(Environment, "db", "status");
        var promote = await InProcessCli.RunAsync(Environment, "local", "promote", "2");
        var promoted = await InProcessCli.RunAsync(Environment, "local", "status");
        var seedAgain = await InProcessCli.RunAsync(Environment, "db", "seed");

        Assert.Equal([0, 0, 0, 0, 0, 0, 0], new[] { start, up, status, dbStatus, promote, promoted, seedAgain }.Select(r => r.ExitCode));
        Assert.Matches(@"Running: postgresql://postgres:\*\*\*@127\.0\.0\.1:\d+,127\.0\.0\.1:\d+,127\.0\.0\.1:\d+/cruddur", start.Stdout);
        Assert.Matches(@"Server: primary +127\.0\.0\.1:\d+ +primary", status.Stdout);
        Assert.Matches(@"Server: standby1 +127\.0\.0\.1:\d+ +standby, replay lag \d+ bytes", status.Stdout);
        Assert.Matches(@"Server: standby2 +127\.0\.0\.1:\d+ +standby, replay lag \d+ bytes", status.Stdout);
        Assert.Single(dbStatus.Stdout.Split('\n'), l => l.StartsWith("Host: ") && l.EndsWith(" primary"));
        Assert.Equal(2, dbStatus.Stdout.Split('\n').Count(l => l.StartsWith("Host: ") && l.Contains(" standby, replay lag ")));
        Assert.Matches(@"Promoted: standby2 \(127\.0\.0\.1:\d+\) is the primary", promote.Stdout);
        Assert.Contains("Following: standby1", promote.Stdout);
        Assert.Matches(@"Server: primary +127\.0\.0\.1:\d+ +primary", promoted.Stdout);
        Assert.Matches(@"Server: standby1 +127\.0\.0\.1:\d+ +standby, replay lag \d+ bytes", promoted.Stdout);
        Assert.DoesNotContain("Server: standby2", promoted.Stdout);
        Assert.StartsWith("== db seed\nSeeded: ", seedAgain.Stdout);
    }

    [Theory]
    [InlineData("--sync", "--sync needs --replicas N")]
    [InlineData("--replicas=10", "--replicas must be 0 to 9 (got 10)")]
    public async Task Bad_replica_options_are_one_error_line(string option, string expected)
    {
        var start = await InProcessCli.RunAsync(Environment, "local", "start", option);

        Assert.Equal(1, start.ExitCode);
        Assert.Equal($"Error: {expected}", start.Stderr.Trim());
    }

    [Fact]
    public async Task Promote_without_standbys_says_how_to_add_one()
    {
        var promote = await InProcessCli.RunAsync(Environment, "local", "promote");

        Assert.Equal(1, promote.ExitCode);
        Assert.Contains("Error: the local cluster has no standby to promote (run: cruddur local start --replicas 1)", promote.Stderr);
    }
}
