using System.Text.Json.Nodes;
using Cruddur.Chores.Admin;
using Cruddur.Chores.Local;
using Cruddur.Data.Settings;
using Cruddur.Testing;

namespace Cruddur.Cli.Tests.Local;

/// <summary>
/// A half-made or out-of-step local cluster is named and repaired by the next start. Each test breaks its
/// own copy of one finished, stopped cluster (<see cref="StoppedHome"/>).
/// </summary>
public class ClusterRepairTests(StoppedHome stopped) : IClassFixture<StoppedHome>, IAsyncLifetime
{
    readonly string _home = Path.Combine(Path.GetTempPath(), $"cruddur-repair-{Guid.NewGuid():N}");
    Dictionary<string, string?> Environment => new() { ["CRUDDUR_HOME"] = _home };
    string StateFile => Path.Combine(_home, "cluster.json");

    public async ValueTask InitializeAsync() => await stopped.CopyToAsync(_home);

    public async ValueTask DisposeAsync()
    {
        await new LocalCluster(_home).DestroyAsync(CancellationToken.None);
        StoppedHome.ForgetConnections();
    }

    [Fact]
    public async Task A_password_out_of_step_with_cluster_json_is_set_again()
    {
        await StartAsync();
        EditState(state => state["Password"] = "not-the-servers-password");

        var up = await InProcessCli.RunAsync(Environment, "up", "--no-api");

        Assert.Equal(0, up.ExitCode);
        Assert.Contains("Repairing: the server's password differed from cluster.json; setting it again", up.Stdout);
        Assert.Contains("Skipped: the database already has users", up.Stdout);
        Assert.DoesNotContain("not-the-servers-password", up.Output);
    }

    [Fact]
    public async Task A_lost_cluster_json_keeps_the_data_with_a_new_password()
    {
        File.Delete(StateFile);

        var up = await InProcessCli.RunAsync(Environment, "up", "--no-api");

        Assert.Equal(0, up.ExitCode);
        Assert.Contains("Repairing: cluster.json is missing; keeping the data in", up.Stdout);
        Assert.Contains("Skipped: the database already has users", up.Stdout);
        Assert.Equal(new RowCounts(2, 1), await RowCounts.ReadAsync(LocalDatabase(), CancellationToken.None));
    }

    [Fact]
    public async Task An_interrupted_creation_is_made_again()
    {
        // What an initdb killed halfway leaves: a state still marked Creating and a data folder without its catalog.
        EditState(state => state["Creating"] = true);
        Directory.Delete(Path.Combine(DataDirectory(), "global"), recursive: true);

        var up = await InProcessCli.RunAsync(Environment, "up", "--no-api");

        Assert.Equal(0, up.ExitCode);
        Assert.Contains("Repairing: the last creation of the local cluster was interrupted; creating it again", up.Stdout);
        Assert.Contains("Seeded: 2 users, 1 activity (0 already present)", up.Stdout);
        Assert.Equal(new RowCounts(2, 1), await RowCounts.ReadAsync(LocalDatabase(), CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_data_folder_is_created_again()
    {
        Directory.Delete(DataDirectory(), recursive: true);

        var start = await InProcessCli.RunAsync(Environment, "local", "start");

        Assert.Equal(0, start.ExitCode);
        Assert.Contains($"Repairing: the data folder {DataDirectory()} is missing; creating an empty cluster", start.Stdout);
        Assert.True(new LocalCluster(_home).Status().Running);
    }

    async Task StartAsync()
    {
        var start = await InProcessCli.RunAsync(Environment, "local", "start");
        Assert.True(start.ExitCode == 0, start.Output);
    }

    Database LocalDatabase() => new(new LocalCluster(_home).ConnectionIfInitialized()!, "test");

    string DataDirectory() => new LocalCluster(_home).Status().DataDirectory;

    void EditState(Action<JsonObject> edit)
    {
        var state = JsonNode.Parse(File.ReadAllText(StateFile))!.AsObject();
        edit(state);
        File.WriteAllText(StateFile, state.ToJsonString());
    }
}
