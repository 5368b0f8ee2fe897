using Cruddur.Chores.Admin;
using Cruddur.Testing;

namespace Cruddur.Cli.Tests.Db;

public class ChoreTests(PostgresServer server)
{
    CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_twice_creates_once()
    {
        var database = server.For(PostgresServer.UniqueName(nameof(Create_twice_creates_once)));

        var first = await InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "create");
        var second = await InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "create");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal($"== db create\nCreated: {database.Name}\n", first.Stdout);
        Assert.Contains($"Exists: {database.Name}", second.Stdout);
        Assert.True(await DatabaseAdmin.ExistsAsync(database, Ct));
    }

    [Fact]
    public async Task Schema_load_applies_pending_migrations_only()
    {
        var database = await server.CreateDatabaseAsync(nameof(Schema_load_applies_pending_migrations_only), migrated: false);

        var first = await InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "schema-load");
        await Seeder.SeedAsync(database, Ct);
        var second = await InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "schema-load");

        Assert.Matches(@"Applied: 0001_users_and_activities\.sql in \d+ ms", first.Stdout);
        Assert.Contains("Up to date: no pending migrations", second.Stdout);
        Assert.Equal(new RowCounts(2, 1), await RowCounts.ReadAsync(database, Ct));
    }

    [Fact]
    public async Task Seed_twice_leaves_the_same_rows()
    {
        var database = await server.CreateDatabaseAsync(nameof(Seed_twice_leaves_the_same_rows));

        var first = await InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "seed");
        var second = await InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "seed");

        Assert.Contains("Seeded: 2 users, 1 activity (0 already present)", first.Stdout);
        Assert.Contains("Seeded: 0 users, 0 activities (3 already present)", second.Stdout);
        Assert.Equal(new RowCounts(2, 1), await RowCounts.ReadAsync(database, Ct));
    }

    [Fact]
    public async Task Setup_drops_creates_loads_and_seeds()
    {
        var database = await server.CreateDatabaseAsync(nameof(Setup_drops_creates_loads_and_seeds));

        var result = await InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "setup");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["== db drop", "== db create", "== db schema-load", "== db seed"],
            result.Stdout.Split('\n').Where(l => l.StartsWith("== ")).ToArray());
        Assert.Equal(new RowCounts(2, 1), await RowCounts.ReadAsync(database, Ct));
    }

    [Fact]
    public async Task Status_shows_server_migrations_and_rows_without_the_password()
    {
        var database = await server.CreateDatabaseAsync(nameof(Status_shows_server_migrations_and_rows_without_the_password));
        await Seeder.SeedAsync(database, Ct);

        var result = await InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "status");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches($@"Server: 127\.0\.0\.1:{database.Settings.Port} PostgreSQL 1\d.*Database: {database.Name} \(present\)", result.Stdout);
        Assert.Contains("[X] 0001_users_and_activities.sql", result.Stdout);
        Assert.Matches(@"Applied: \d+   Pending: 0", result.Stdout);
        Assert.Contains("Rows: users 2, activities 1", result.Stdout);
        Assert.Contains($"postgresql://postgres:***@127.0.0.1:{database.Settings.Port}/{database.Name}", result.Stdout);
        Assert.DoesNotContain(database.Settings.Password!, result.Output);
    }

    [Fact]
    public async Task Status_of_an_absent_database_says_so()
    {
        var database = server.For(PostgresServer.UniqueName(nameof(Status_of_an_absent_database_says_so)));

        var result = await InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "status");

        Assert.Contains($"Database: {database.Name} (absent)", result.Stdout);
    }

    [Fact]
    public async Task Sessions_are_shown_as_the_documents_table()
    {
        var database = await server.CreateDatabaseAsync(nameof(Sessions_are_shown_as_the_documents_table));

        var result = await InProcessCli.RunAsync(CliEnvironment.Local(database), "db", "sessions");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"process_id\s*│\s*user\s*│\s*db\s*│\s*client_addr\s*│\s*app\s*│\s*state", result.Stdout);
        Assert.Matches(@"│\s*postgres\s*│\s*postgres\s*│\s*127\.0\.0\.1\s*│.*│\s*active\s*│", result.Stdout);
    }

    [Fact]
    public async Task Connect_runs_psql_on_the_database()
    {
        var database = await server.CreateDatabaseAsync(nameof(Connect_runs_psql_on_the_database));
        await Seeder.SeedAsync(database, Ct);

        // A real process: psql inherits the CLI's stdin and stdout, which in-process would be the test runner's.
        var result = await CliProcess.RunWithInputAsync(CliEnvironment.Local(database), "SELECT handle FROM users ORDER BY handle;\n", "db", "connect");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"andrewbrown\s+bayko", result.Stdout);
    }
}
