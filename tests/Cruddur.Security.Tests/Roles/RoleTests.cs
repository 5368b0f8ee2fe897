using Cruddur.Chores.Roles;
using Cruddur.Data.Settings;
using Cruddur.Testing;
using Npgsql;

namespace Cruddur.Security.Tests.Roles;

/// <summary>
/// The roles are cluster-wide and shared by every database of the test server, so only this class
/// gives them passwords, once, through the real <c>cruddur db roles</c>.
/// </summary>
public class RoleTests(PostgresServer server)
{
    const string AppPassword = "app-Pw-7f3c2e";
    const string LambdaPassword = "lambda-Pw-91ab4d";
    static readonly SemaphoreSlim Once = new(1, 1);
    static (Database Database, CliProcess.Result First, CliProcess.Result Second)? _setup;

    async Task<(Database Database, CliProcess.Result First, CliProcess.Result Second)> SetupAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_setup is { } done) return done;
            var database = await server.CreateDatabaseAsync("least_privilege_roles");
            var environment = new Dictionary<string, string?>
            {
                ["CONNECTION_URL"] = database.Settings.ConnectionString,
                [DatabaseRole.App.PasswordVariable] = AppPassword,
                [DatabaseRole.PostConfirmation.PasswordVariable] = LambdaPassword,
            };
            var first = await InProcessCli.RunWithInputAsync(environment, null, "db", "roles");
            var second = await InProcessCli.RunWithInputAsync(environment, null, "db", "roles");
            _setup = (database, first, second);
            return _setup.Value;
        }
        finally
        {
            Once.Release();
        }
    }

    async Task<NpgsqlConnection> LoginAsync(DatabaseRole role)
    {
        var (database, _, _) = await SetupAsync();
        var settings = new NpgsqlConnectionStringBuilder(database.Settings.ConnectionString)
        {
            Username = role.Name,
            Password = role == DatabaseRole.App ? AppPassword : LambdaPassword,
            Pooling = false,
        };
        var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    static async Task<string> RefusalAsync(NpgsqlConnection connection, string sql) =>
        (await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, sql))).SqlState;

    [Fact]
    public async Task Db_roles_is_idempotent_and_reports_each_role()
    {
        var (_, first, second) = await SetupAsync();

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("cruddur_app (login with password)", first.Stdout);
        Assert.Contains("Exists: cruddur_post_confirmation (login with password)", second.Stdout);
        Assert.DoesNotContain(AppPassword, first.Output + second.Output);
        Assert.DoesNotContain(LambdaPassword, first.Output + second.Output);
    }

    [Fact]
    public async Task The_app_role_reads_the_feed_view_posts_and_bumps_counters()
    {
        await using var app = await LoginAsync(DatabaseRole.App);
        await using var owner = new NpgsqlConnection((await SetupAsync()).Database.Settings.ConnectionString);
        await owner.OpenAsync();
        var handle = $"app_{Guid.NewGuid():N}"[..20];
        await ExecuteAsync(owner, $"INSERT INTO users (display_name, handle) VALUES ('App Test', '{handle}')");

        var inserted = await ExecuteAsync(app,
            $"INSERT INTO activities (user_uuid, message) SELECT uuid, 'hello' FROM users WHERE handle = '{handle}'");
        var bumped = await ExecuteAsync(app,
            $"UPDATE activities SET likes_count = likes_count + 1, replies_count = replies_count + 1 WHERE user_uuid = (SELECT uuid FROM users WHERE handle = '{handle}')");
        await using var read = new NpgsqlCommand(
            $"SELECT likes_count FROM activity_feed WHERE handle = '{handle}'", app);

        Assert.Equal((1, 1, 1), (inserted, bumped, (int)(await read.ExecuteScalarAsync())!));
    }

    [Theory]
    [InlineData("DROP TABLE activities")]
    [InlineData("DELETE FROM activities")]
    [InlineData("TRUNCATE activities")]
    [InlineData("UPDATE activities SET message = 'rewritten'")]
    [InlineData("DROP VIEW activity_feed")]
    [InlineData("INSERT INTO users (display_name, handle) VALUES ('x', 'x')")]
    [InlineData("UPDATE users SET display_name = 'x'")]
    [InlineData("SELECT * FROM schemaversions")]
    [InlineData("CREATE TABLE public.scratch (id int)")]
    [InlineData("ALTER TABLE activities ADD COLUMN extra int")]
    [InlineData("ALTER ROLE cruddur_app SUPERUSER")]
    [InlineData("ALTER ROLE cruddur_app CREATEROLE")]
    [InlineData("SET ROLE postgres")]
    [InlineData("SET ROLE cruddur_post_confirmation")]
    [InlineData("GRANT cruddur_post_confirmation TO cruddur_app")]
    [InlineData("CREATE ROLE intruder LOGIN")]
    [InlineData("ALTER ROLE postgres PASSWORD 'taken-over'")]
    public async Task The_app_role_is_refused_everything_else(string sql)
    {
        await using var app = await LoginAsync(DatabaseRole.App);

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, await RefusalAsync(app, sql));
    }

    [Fact]
    public async Task The_post_confirmation_role_upserts_users()
    {
        await using var lambda = await LoginAsync(DatabaseRole.PostConfirmation);
        var handle = $"pc_{Guid.NewGuid():N}"[..20];
        var upsert = $"INSERT INTO users (display_name, handle, cognito_user_id) VALUES ('First', '{handle}', '{handle}') " +
                     "ON CONFLICT (cognito_user_id) DO UPDATE SET display_name = EXCLUDED.display_name";

        var changed = await ExecuteAsync(lambda, upsert) + await ExecuteAsync(lambda, upsert.Replace("'First'", "'Second'"));
        await using var read = new NpgsqlCommand($"SELECT display_name FROM users WHERE handle = '{handle}'", lambda);

        Assert.Equal((2, "Second"), (changed, (string)(await read.ExecuteScalarAsync())!));
    }

    [Theory]
    [InlineData("SELECT * FROM activities")]
    [InlineData("SELECT * FROM activity_feed")]
    [InlineData("INSERT INTO activities (user_uuid, message) SELECT uuid, 'x' FROM users LIMIT 1")]
    [InlineData("DELETE FROM users")]
    [InlineData("TRUNCATE users")]
    [InlineData("DROP TABLE users")]
    [InlineData("CREATE TABLE public.scratch (id int)")]
    [InlineData("ALTER ROLE cruddur_post_confirmation CREATEDB")]
    [InlineData("SET ROLE postgres")]
    [InlineData("SET ROLE cruddur_app")]
    public async Task The_post_confirmation_role_is_refused_everything_else(string sql)
    {
        await using var lambda = await LoginAsync(DatabaseRole.PostConfirmation);

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, await RefusalAsync(lambda, sql));
    }
}
