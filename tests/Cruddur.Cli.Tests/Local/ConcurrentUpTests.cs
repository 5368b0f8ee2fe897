using Cruddur.Chores.Admin;
using Cruddur.Chores.Local;
using Cruddur.Data.Settings;
using Cruddur.Testing;

namespace Cruddur.Cli.Tests.Local;

/// <summary>Two cruddur processes on one local cluster, and <c>local destroy</c> next to the user's own files.</summary>
public class ConcurrentUpTests : IAsyncLifetime
{
    readonly string _home = Path.Combine(Path.GetTempPath(), $"cruddur-two-{Guid.NewGuid():N}");
    Dictionary<string, string?> Environment => new() { ["CRUDDUR_HOME"] = _home };
    string UserFile => Path.Combine(_home, "notes.txt");

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_home);
        File.WriteAllText(UserFile, "mine, not cruddur's");
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(_home, "cluster.json"))) await new LocalCluster(_home).DestroyAsync(CancellationToken.None);
        if (Directory.Exists(_home)) Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public async Task Two_ups_at_once_then_destroy_then_up_again_all_work_and_leave_other_files_alone()
    {
        var both = await Task.WhenAll(CliProcess.RunAsync(Environment, "up", "--no-api"), CliProcess.RunAsync(Environment, "up", "--no-api"));
        // What up's local Cognito keeps in the home (its pool and users), which destroy removes with the cluster.
        Directory.CreateDirectory(Path.Combine(_home, "cognito"));
        File.WriteAllText(Path.Combine(_home, "cognito", "pool.json"), "{}");
        var destroy = await CliProcess.RunAsync(Environment, "local", "destroy");
        var leftAfterDestroy = Directory.EnumerateFileSystemEntries(_home).Select(Path.GetFileName).ToArray();
        var again = await CliProcess.RunAsync(Environment, "up", "--no-api");

        Assert.All(both, up => Assert.Equal(0, up.ExitCode));
        Assert.Single(both, up => up.Stdout.Contains("Seeded: 2 users, 1 activity (0 already present)"));
        Assert.Single(both, up => up.Stdout.Contains("Skipped: the database already has users"));
        Assert.Contains(both, up => up.Stderr.Contains($"Waiting: another cruddur is using the local cluster in {_home}"));
        Assert.Equal(0, destroy.ExitCode);
        Assert.Equal(["notes.txt"], leftAfterDestroy);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("Seeded: 2 users, 1 activity (0 already present)", again.Stdout);
        Assert.Equal("mine, not cruddur's", File.ReadAllText(UserFile));
        var database = new Database(new LocalCluster(_home).ConnectionIfInitialized()!, "test");
        Assert.Equal(new RowCounts(2, 1), await RowCounts.ReadAsync(database, CancellationToken.None));
    }

    [Fact]
    public async Task Two_local_starts_at_once_share_one_cluster()
    {
        var both = await Task.WhenAll(CliProcess.RunAsync(Environment, "local", "start"), CliProcess.RunAsync(Environment, "local", "start"));
        var status = await CliProcess.RunAsync(Environment, "local", "status");

        Assert.All(both, start => Assert.Equal(0, start.ExitCode));
        Assert.Equal(both[0].Stdout.Split('\n').Last(l => l.StartsWith("Running: ")), both[1].Stdout.Split('\n').Last(l => l.StartsWith("Running: ")));
        Assert.Contains("State: running", status.Stdout);
    }

    [Fact]
    public async Task Destroy_refuses_a_folder_that_is_not_a_cruddur_home_and_deletes_nothing()
    {
        var foreign = Directory.CreateTempSubdirectory("not-a-cruddur-home-").FullName;
        File.WriteAllText(Path.Combine(foreign, "thesis.tex"), "years of work");
        Directory.CreateDirectory(Path.Combine(foreign, "data"));

        var result = await InProcessCli.RunAsync(new Dictionary<string, string?> { ["CRUDDUR_HOME"] = foreign }, "local", "destroy");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: {foreign} is not a cruddur home (it has no cluster.json; check CRUDDUR_HOME); nothing was deleted\n", result.Stderr);
        Assert.Equal(["data", "thesis.tex"], Directory.EnumerateFileSystemEntries(foreign).Select(Path.GetFileName).Order().ToArray());
        Directory.Delete(foreign, recursive: true);
    }
}
