using Cruddur.Testing;

namespace Cruddur.Cli.Tests;

/// <summary>
/// The <c>./cruddur</c> script on a copy of the repository: it says <c>== build</c> and how long it took,
/// and it rebuilds when a source file is renamed or deleted (a rename keeps the file's mtime). A rebuild
/// skips restore while no project file changed, and restores after all when the restore's output is gone.
/// </summary>
[Collection(ScriptCopyCollection.Name)]
public class EntryPointTests(PostgresServer server, ScriptCopy copy)
{
    [Fact]
    public async Task The_script_builds_saying_so_and_rebuilds_after_a_rename_or_a_delete()
    {
        var database = await server.CreateDatabaseAsync(nameof(EntryPointTests), migrated: false);
        var environment = new Dictionary<string, string?>
        {
            ["CONNECTION_URL"] = database.Settings.ConnectionString,
            ["CRUDDUR_HOME"] = Path.Combine(copy.Root, ".cruddur"),
        };
        var original = Path.Combine(copy.Migrations, "0002_feed_indexes.sql");
        var renamedPath = Path.Combine(copy.Migrations, "0003_feed_indexes.sql");

        var unchanged = await copy.RunAsync(environment, "db", "status");
        // One rebuild for two causes: the rename, and the restore's output gone (its --no-restore build fails).
        File.Move(original, renamedPath);
        File.Delete(Path.Combine(copy.Root, "src", "Cruddur.Cli", "obj", "project.assets.json"));
        var renamed = await copy.RunAsync(environment, "db", "status");
        File.Delete(renamedPath);
        var deleted = await copy.RunAsync(environment, "db", "status");

        Assert.True(copy.FirstRun.ExitCode == 0, copy.FirstRun.Output);
        Assert.Matches(@"^== build\n(Building: .*\n)*Built: cruddur in \d+ s\n$", copy.FirstRun.Stderr);
        // db status exits 3 on a database with pending migrations, which is what this one has.
        Assert.All(new[] { unchanged, renamed, deleted }, run => Assert.True(run.ExitCode == 3, run.Output));
        Assert.Equal("", unchanged.Stderr);
        Assert.Contains("[ ] 0002_feed_indexes.sql", unchanged.Stdout);
        Assert.StartsWith("== build\n", renamed.Stderr);
        Assert.Contains("[ ] 0003_feed_indexes.sql", renamed.Stdout);
        Assert.DoesNotContain("0002_feed_indexes.sql", renamed.Stdout);
        Assert.StartsWith("== build\n", deleted.Stderr);
        Assert.DoesNotContain("feed_indexes", deleted.Stdout);
        Assert.Contains("[ ] 0001_users_and_activities.sql", deleted.Stdout);
    }
}
