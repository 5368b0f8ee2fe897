using System.Diagnostics;
using Cruddur.Testing;

namespace Cruddur.Cli.Tests;

/// <summary>
/// The <c>./cruddur</c> script on a copy of the repository: it says <c>== build</c> and how long it took,
/// and it rebuilds when a source file is renamed or deleted (a rename keeps the file's mtime).
/// </summary>
public class EntryPointTests(PostgresServer server) : IDisposable
{
    readonly string _copy = Directory.CreateTempSubdirectory("cruddur-entry-").FullName;
    string Migrations => Path.Combine(_copy, "src", "Cruddur.Chores", "Migrations");

    [Fact]
    public async Task The_script_builds_saying_so_and_rebuilds_after_a_rename_or_a_delete()
    {
        CopyRepository();
        var database = await server.CreateDatabaseAsync(nameof(EntryPointTests), migrated: false);
        var environment = new Dictionary<string, string?>
        {
            ["CONNECTION_URL"] = database.Settings.ConnectionString,
            ["CRUDDUR_HOME"] = Path.Combine(_copy, ".cruddur"),
        };

        var first = await RunAsync(environment, "db", "status");
        var unchanged = await RunAsync(environment, "db", "status");
        File.Move(Path.Combine(Migrations, "0002_feed_indexes.sql"), Path.Combine(Migrations, "0003_feed_indexes.sql"));
        var renamed = await RunAsync(environment, "db", "status");
        File.Delete(Path.Combine(Migrations, "0003_feed_indexes.sql"));
        var deleted = await RunAsync(environment, "db", "status");

        // db status exits 3 on a database with pending migrations, which is what this one has.
        Assert.All(new[] { first, unchanged, renamed, deleted }, run => Assert.True(run.ExitCode == 3, run.Output));
        Assert.Matches(@"^== build\n(Building: .*\n)*Built: cruddur in \d+ s\n$", first.Stderr);
        Assert.Contains("[ ] 0002_feed_indexes.sql", first.Stdout);
        Assert.Equal("", unchanged.Stderr);
        Assert.StartsWith("== build\n", renamed.Stderr);
        Assert.Contains("[ ] 0003_feed_indexes.sql", renamed.Stdout);
        Assert.DoesNotContain("0002_feed_indexes.sql", renamed.Stdout);
        Assert.StartsWith("== build\n", deleted.Stderr);
        Assert.DoesNotContain("feed_indexes", deleted.Stdout);
        Assert.Contains("[ ] 0001_users_and_activities.sql", deleted.Stdout);
    }

    public void Dispose() => Directory.Delete(_copy, recursive: true);

    // What a fresh clone has: the script, the sources and the build settings, no build output.
    void CopyRepository()
    {
        var root = RepositoryFolder.Path;
        foreach (var file in new[] { "cruddur", "Directory.Build.props", "Directory.Packages.props", "global.json" })
            File.Copy(Path.Combine(root, file), Path.Combine(_copy, file));
        File.SetUnixFileMode(Path.Combine(_copy, "cruddur"), File.GetUnixFileMode(Path.Combine(root, "cruddur")));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src"), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file);
            if (relative.Split('/').Any(part => part is "bin" or "obj")) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_copy, relative))!);
            File.Copy(file, Path.Combine(_copy, relative));
        }
    }

    async Task<CliProcess.Result> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = CliProcess.StartInfo(environment, args);
        start.FileName = Path.Combine(_copy, "cruddur");
        start.ArgumentList.RemoveAt(0);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return new CliProcess.Result(process.ExitCode, await stdout, await stderr);
    }
}
