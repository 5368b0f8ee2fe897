using System.Diagnostics;
using Cruddur.Testing;
using Cruddur.Chores.Local;

namespace Cruddur.Cli.Tests;

/// <summary>dbmate's .env at the repository root: read for the same variables, the real environment first, never printed.</summary>
public class DotEnvTests(PostgresServer server) : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("cruddur-dotenv-").FullName;
    string DotEnv => Path.Combine(_root, ".env");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    Dictionary<string, string?> Environment(string? connectionUrl = null) => new()
    {
        ["CRUDDUR_ROOT"] = _root,
        ["CONNECTION_URL"] = connectionUrl,
        ["CRUDDUR_HOME"] = Path.Combine(_root, "no-cluster-here"),
    };

    [Fact]
    public async Task Dot_env_values_are_used_and_never_echoed()
    {
        var database = await server.CreateDatabaseAsync(nameof(Dot_env_values_are_used_and_never_echoed));
        await File.WriteAllTextAsync(DotEnv, $"# local settings\nexport CONNECTION_URL=\"{CliEnvironment.Url(database)}\"\nNO_COLOR=1 # plain output\n");

        var status = await CliProcess.RunAsync(Environment(), "db", "status");
        var url = await CliProcess.RunAsync(Environment(), "db", "url");

        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains($"Url: postgresql://postgres:***@127.0.0.1:{database.Settings.Port}/{database.Name}", status.Stdout);
        Assert.Equal($"postgresql://postgres@127.0.0.1:{database.Settings.Port}/{database.Name}?sslmode=prefer\n", url.Stdout);
        Assert.DoesNotContain(database.Settings.Password!, status.Output + url.Output);
    }

    [Fact]
    public async Task The_real_environment_wins_over_dot_env()
    {
        var database = await server.CreateDatabaseAsync(nameof(The_real_environment_wins_over_dot_env));
        await File.WriteAllTextAsync(DotEnv, $"CONNECTION_URL=postgresql://postgres:x@127.0.0.1:{FreePort.Find()}/elsewhere\n");

        var result = await CliProcess.RunAsync(Environment(CliEnvironment.Url(database)), "db", "status");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"Database: {database.Name} (present)", result.Stdout);
    }

    [Fact]
    public async Task A_malformed_dot_env_line_is_named_without_its_value()
    {
        await File.WriteAllTextAsync(DotEnv, "# fine\nPROD_CONNECTION_URL postgresql://owner:Sup3rSecret@db.example.com/cruddur\n");

        var result = await CliProcess.RunAsync(Environment(), "db", "status");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: {DotEnv} line 2 is not NAME=value (the line is not shown, as it may hold a secret)\n", result.Stderr);
        Assert.DoesNotContain("Sup3rSecret", result.Output);
    }

    [Fact]
    public async Task Dot_env_is_ignored_by_git()
    {
        using var git = Process.Start(new ProcessStartInfo("git", ["check-ignore", "--quiet", ".env"])
        {
            WorkingDirectory = RepositoryFolder.Path,
        })!;
        await git.WaitForExitAsync();

        Assert.Equal(0, git.ExitCode);
    }
}
