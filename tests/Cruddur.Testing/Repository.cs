namespace Cruddur.Testing;

/// <summary>The repository the tests were built from: where README.md and the <c>cruddur</c> script live.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "cruddur")) && File.Exists(Path.Combine(dir.FullName, "README.md"))) return dir.FullName;
        throw new InvalidOperationException($"no repository above {AppContext.BaseDirectory}");
    }
}
