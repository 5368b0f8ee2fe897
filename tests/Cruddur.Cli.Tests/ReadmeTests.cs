using Cruddur.Chores.Local;
using Cruddur.Testing;

namespace Cruddur.Cli.Tests;

/// <summary>
/// The README cannot lie: every code block after a <c>&lt;!-- runnable --&gt;</c> line is run, line by line,
/// through bash in a scratch copy of the repository's layout against the test server, and each line must exit 0.
/// </summary>
public class ReadmeTests(PostgresServer server) : IAsyncLifetime
{
    const string Marker = "<!-- runnable -->";
    readonly string _root = Directory.CreateTempSubdirectory("cruddur-readme-").FullName;
    string Home => Path.Combine(_root, ".cruddur");

    public record Example(int Line, string Command);

    public ValueTask InitializeAsync()
    {
        // ./cruddur is the built CLI; the migrations folder is a copy, for `db migrate new`.
        var cli = Path.Combine(_root, "cruddur");
        File.WriteAllText(cli, $"#!/bin/sh\nexec dotnet '{CliProcess.Dll}' \"$@\"\n");
        File.SetUnixFileMode(cli, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var migrations = Path.Combine(_root, "src", "Cruddur.Chores", "Migrations");
        Directory.CreateDirectory(migrations);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryFolder.Path, "src", "Cruddur.Chores", "Migrations"), "*.sql"))
            File.Copy(file, Path.Combine(migrations, Path.GetFileName(file)));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await new LocalCluster(Home).DestroyAsync(CancellationToken.None);
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>The runnable blocks, each a list of command lines (comments and blank lines left out).</summary>
    public static IReadOnlyList<IReadOnlyList<Example>> RunnableBlocks(string[] lines)
    {
        var blocks = new List<IReadOnlyList<Example>>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != Marker) continue;
            var j = i + 1;
            while (j < lines.Length && lines[j].Trim().Length == 0) j++;
            var block = new List<Example>();
            if (j < lines.Length && lines[j].StartsWith("```", StringComparison.Ordinal))
                for (j++; j < lines.Length && !lines[j].StartsWith("```", StringComparison.Ordinal); j++) block.Add(new(j + 1, lines[j]));
            else
                for (; j < lines.Length && (lines[j].StartsWith("    ", StringComparison.Ordinal) || lines[j].Trim().Length == 0); j++) block.Add(new(j + 1, lines[j].Trim()));
            var commands = block.Where(e => e.Command.Trim().Length > 0 && !e.Command.TrimStart().StartsWith('#')).ToList();
            Assert.True(commands.Count > 0, $"README line {i + 1}: {Marker} is not followed by a code block with a command");
            blocks.Add(commands);
        }
        return blocks;
    }

    [Fact]
    public async Task Every_runnable_README_example_exits_0()
    {
        var blocks = RunnableBlocks(await File.ReadAllLinesAsync(Path.Combine(RepositoryFolder.Path, "README.md")));
        var failures = new List<string>();

        foreach (var block in blocks)
        {
            // Each block is a fresh story: its own database, absent until the block creates it.
            var database = server.For(PostgresServer.UniqueName("readme"));
            foreach (var example in block)
            {
                var result = await RunAsync(example.Command, new()
                {
                    ["CONNECTION_URL"] = CliEnvironment.Url(database),
                    ["PROD_CONNECTION_URL"] = CliEnvironment.Url(database) + "?sslmode=disable",
                    ["CRUDDUR_HOME"] = Home,
                    ["CRUDDUR_ROOT"] = _root,
                    ["DB_SG_ID"] = "sg-0123456789abcdef0",
                });
                if (result.ExitCode != 0) failures.Add($"README line {example.Line}: `{example.Command}` exited {result.ExitCode}\n{result.Output}");
            }
        }

        Assert.True(blocks.Count >= 3, $"only {blocks.Count} runnable blocks found in README.md");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    Task<CliProcess.Result> RunAsync(string command, Dictionary<string, string?> environment)
    {
        var start = CliProcess.StartInfo(environment);
        start.FileName = "bash";
        start.ArgumentList.Clear();
        foreach (var argument in new[] { "--norc", "-c", command }) start.ArgumentList.Add(argument);
        start.WorkingDirectory = _root;
        return CliProcess.RunAsync(start);
    }
}
