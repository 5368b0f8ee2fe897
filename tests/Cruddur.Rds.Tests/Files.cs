namespace Cruddur.Rds.Tests;

/// <summary>The shared RDS corpus (kept outside the repository, beside it) and this project's fixtures.</summary>
public static class Files
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Cruddur.slnx"))) return dir.FullName;
            throw new InvalidOperationException("repository root (Cruddur.slnx) not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>../shared/rds-corpus from the repository root; a worktree looks further up for the same folder.</summary>
    public static string Corpus(string name)
    {
        for (var dir = new DirectoryInfo(Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "rds-corpus", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"shared/rds-corpus/{name} not found beside the repository (expected ../shared/rds-corpus)");
    }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string ReadFixture(string name) => File.ReadAllText(Fixture(name));

    public static string DocumentPassword => "huEE33z2Qvl383";
}
