using Cruddur.Chores.Admin;
using Cruddur.Testing;

namespace Cruddur.Cli.Tests.Db;

public class MigrateTests(PostgresServer server) : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("cruddur-root-").FullName;
    string Migrations => Path.Combine(_root, "src", "Cruddur.Chores", "Migrations");
    Dictionary<string, string?> Environment => new() { ["CRUDDUR_ROOT"] = _root };

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Migrate_is_schema_load()
    {
        var database = await server.CreateDatabaseAsync(nameof(Migrate_is_schema_load), migrated: false);

        var result = await InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "migrate");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"Applied: 0001_users_and_activities\.sql in \d+ ms", result.Stdout);
        Assert.Equal(new RowCounts(0, 0), await RowCounts.ReadAsync(database, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Migrate_new_writes_the_next_numbered_file()
    {
        Directory.CreateDirectory(Migrations);
        File.WriteAllText(Path.Combine(Migrations, "0001_users_and_activities.sql"), "SELECT 1;");
        File.WriteAllText(Path.Combine(Migrations, "0002_feed_indexes.sql"), "SELECT 1;");

        var result = await InProcessCli.RunAsync(Environment, "db", "migrate", "new", "add_likes");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Created: src/Cruddur.Chores/Migrations/0003_add_likes.sql", result.Stdout);
        Assert.StartsWith("-- 0003 add likes:", File.ReadAllText(Path.Combine(Migrations, "0003_add_likes.sql")));
    }

    [Fact]
    public async Task Migrate_new_refuses_a_name_that_is_taken()
    {
        Directory.CreateDirectory(Migrations);
        File.WriteAllText(Path.Combine(Migrations, "0001_add_likes.sql"), "SELECT 1;");

        var result = await InProcessCli.RunAsync(Environment, "db", "migrate", "new", "add_likes");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: a migration named add_likes exists already (0001_add_likes.sql; choose another name)\n", result.Stderr);
        Assert.Single(Directory.GetFiles(Migrations));
    }

    [Theory]
    [InlineData("../../evil")]
    [InlineData("Add-Likes")]
    [InlineData("add likes")]
    [InlineData("x;DROP TABLE users")]
    [InlineData("1_starts_with_a_digit")]
    [InlineData("")]
    [InlineData("a_name_that_goes_on_far_longer_than_sixty_characters_ever_should")]
    public async Task Migrate_new_refuses_a_name_that_is_not_a_plain_word(string name)
    {
        Directory.CreateDirectory(Migrations);

        var result = await InProcessCli.RunAsync(Environment, "db", "migrate", "new", name);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Error: migration name '", result.Stderr);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Migrate_new_outside_a_repository_says_where_it_looked()
    {
        var result = await InProcessCli.RunAsync(Environment, "db", "migrate", "new", "add_likes");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error: no src/Cruddur.Chores/Migrations folder in {_root} (run it from the repository, or through ./cruddur)\n", result.Stderr);
    }
}
