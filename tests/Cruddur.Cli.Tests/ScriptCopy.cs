using Cruddur.Testing;

namespace Cruddur.Cli.Tests;

/// <summary>
/// A copy of the repository as a fresh clone has it (the script, the sources, the build settings, no
/// build output), on which the first <c>./cruddur</c> run builds the CLI once for every test of the
/// collection: the tests then see only the rebuilds their own changes cause.
/// </summary>
public sealed class ScriptCopy : IAsyncLifetime
{
    public string Root { get; } = Directory.CreateTempSubdirectory("cruddur-script-").FullName;

    public string Migrations => Path.Combine(Root, "src", "Cruddur.Chores", "Migrations");

    /// <summary>The first run, on no build output: <c>./cruddur --help</c>.</summary>
    public CliProcess.Result FirstRun { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var root = RepositoryFolder.Path;
        foreach (var file in new[] { "cruddur", "Directory.Build.props", "Directory.Packages.props", "global.json" })
            File.Copy(Path.Combine(root, file), Path.Combine(Root, file));
        File.SetUnixFileMode(Path.Combine(Root, "cruddur"), File.GetUnixFileMode(Path.Combine(root, "cruddur")));
        foreach (var file in RepositoryFolder.SourceFiles("*"))
        {
            var relative = Path.GetRelativePath(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Root, relative))!);
            File.Copy(file, Path.Combine(Root, relative));
        }
        FirstRun = await RunAsync(new Dictionary<string, string?>(), "--help");
    }

    /// <summary>Runs the copy's <c>./cruddur</c> script, which sets CRUDDUR_ROOT to the copy.</summary>
    public Task<CliProcess.Result> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = CliProcess.StartInfo(environment);
        start.FileName = Path.Combine(Root, "cruddur");
        start.ArgumentList.Clear();
        foreach (var argument in args) start.ArgumentList.Add(argument);
        start.Environment.Remove("CRUDDUR_ROOT");
        return CliProcess.RunAsync(start, timeout: TimeSpan.FromMinutes(10));
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>The tests that change the copy's sources run one at a time on it.</summary>
[CollectionDefinition(Name)]
public sealed class ScriptCopyCollection : ICollectionFixture<ScriptCopy>
{
    public const string Name = "the script on a copy of the repository";
}
