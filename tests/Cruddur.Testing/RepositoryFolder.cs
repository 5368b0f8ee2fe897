namespace Cruddur.Testing;

/// <summary>The repository the tests were built from: the folder above the test binaries that holds Cruddur.slnx.</summary>
public static class RepositoryFolder
{
    public static string Path { get; } = Find();

    /// <summary>The files under <c>src/</c> matching <paramref name="pattern"/>, build output left out.</summary>
    public static IEnumerable<string> SourceFiles(string pattern) =>
        Directory.EnumerateFiles(System.IO.Path.Combine(Path, "src"), pattern, SearchOption.AllDirectories)
            .Where(file => !System.IO.Path.GetRelativePath(Path, file).Split('/').Any(part => part is "bin" or "obj"));

    static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Cruddur.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"repository root (Cruddur.slnx) not found above {AppContext.BaseDirectory}");
    }
}
