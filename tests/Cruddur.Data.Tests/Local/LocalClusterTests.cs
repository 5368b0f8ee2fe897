using System.Diagnostics;
using Cruddur.Chores.Local;
using Cruddur.Testing;
using Npgsql;

namespace Cruddur.Data.Tests.Local;

public class LocalClusterTests(SharedCluster shared) : IClassFixture<SharedCluster>, IAsyncLifetime
{
    // A new cluster for the tests of a first start and of destroy; the others share one.
    readonly LocalCluster _cluster = new(Path.Combine(Path.GetTempPath(), $"cruddur-local-{Guid.NewGuid():N}"), ThrowawaySettings.NoFsync);
    CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _cluster.DestroyAsync(CancellationToken.None);

    [Fact]
    public async Task Start_twice_is_harmless_and_listens_on_loopback_with_a_password()
    {
        var first = await _cluster.StartAsync(Ct);
        var second = await _cluster.StartAsync(Ct);

        Assert.Equal(first.ConnectionString, second.ConnectionString);
        Assert.Equal("127.0.0.1", first.Host);
        Assert.Equal("127.0.0.1", await ShowAsync(first, "listen_addresses"));
        Assert.Equal("scram-sha-256", await ShowAsync(first, "password_encryption"));
        var wrong = new NpgsqlConnectionStringBuilder(first.ConnectionString) { Password = "wrong", Database = "postgres" };
        var refused = await Assert.ThrowsAsync<PostgresException>(() => new NpgsqlConnection(wrong.ConnectionString).OpenAsync());
        Assert.Equal(PostgresErrorCodes.InvalidPassword, refused.SqlState);
    }

    [Fact]
    public async Task The_server_does_not_run_as_root()
    {
        var settings = await shared.Cluster.StartAsync(Ct);

        var pid = int.Parse(File.ReadLines(Path.Combine(shared.Cluster.Status().DataDirectory, "postmaster.pid")).First());
        var uid = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("Uid:")).Split('\t')[1];

        Assert.NotEqual("0", uid);
        Assert.True(shared.Cluster.Status().Running);
        Assert.NotNull(settings.Password);
    }

    [Fact]
    public async Task A_stale_postmaster_pid_after_a_crash_does_not_block_the_next_start()
    {
        var cluster = shared.Cluster;
        await cluster.StartAsync(Ct);
        await cluster.StopAsync(Ct);
        // After a crash the pid file stays and its PID may now belong to an unrelated live process.
        using var unrelated = Process.Start("sleep", "30");
        var pidFile = Path.Combine(cluster.Status().DataDirectory, "postmaster.pid");
        await File.WriteAllTextAsync(pidFile, $"{unrelated.Id}\n{cluster.Status().DataDirectory}\n", Ct);

        var settings = await cluster.StartAsync(Ct);

        Assert.True(cluster.Status().Running);
        Assert.Equal("127.0.0.1", await ShowAsync(settings, "listen_addresses"));
        unrelated.Kill();
    }

    [Fact]
    public async Task Stop_then_status_reports_stopped_and_destroy_removes_the_files()
    {
        await _cluster.StartAsync(Ct);
        await _cluster.StopAsync(Ct);
        var stopped = _cluster.Status();
        await _cluster.DestroyAsync(Ct);

        Assert.False(stopped.Running);
        Assert.False(Directory.Exists(_cluster.Home));
        Assert.False(_cluster.Status().Initialized);
    }

    static async Task<string> ShowAsync(NpgsqlConnectionStringBuilder settings, string name)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting(@name)", connection);
        command.Parameters.AddWithValue("name", name);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
