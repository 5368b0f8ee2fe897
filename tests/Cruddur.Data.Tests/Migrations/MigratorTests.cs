using Cruddur.Chores.Admin;
using Cruddur.Chores.Migrations;
using Cruddur.Testing;
using Npgsql;

namespace Cruddur.Data.Tests.Migrations;

public class MigratorTests(PostgresServer server)
{
    CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Schema_load_twice_changes_nothing_and_loses_no_row()
    {
        var database = await server.CreateDatabaseAsync(nameof(Schema_load_twice_changes_nothing_and_loses_no_row), migrated: false);
        var migrator = new Migrator(database);

        var first = await migrator.ApplyAsync((_, _) => { }, Ct);
        await Seeder.SeedAsync(database, Ct);
        var second = await migrator.ApplyAsync((_, _) => { }, Ct);

        Assert.True(first >= 1);
        Assert.Equal(0, second);
        Assert.Empty((await migrator.StatusAsync(Ct)).Pending);
        Assert.Equal(new RowCounts(2, 1), await RowCounts.ReadAsync(database, Ct));
    }

    // The schema, not a role's grant, decides that only its owner creates objects in public.
    [Fact]
    public async Task Migrating_takes_create_on_public_from_everyone_as_rds_14_grants_it()
    {
        const string everyoneMayCreate = "SELECT has_schema_privilege('public', 'public', 'CREATE')";
        var database = await server.CreateDatabaseAsync(nameof(Migrating_takes_create_on_public_from_everyone_as_rds_14_grants_it), migrated: false);
        await ScalarAsync<object>(database, "GRANT CREATE ON SCHEMA public TO PUBLIC"); // RDS 14's default, the document's
        Assert.True(await ScalarAsync<bool>(database, everyoneMayCreate));

        await new Migrator(database).ApplyAsync((_, _) => { }, Ct);

        Assert.False(await ScalarAsync<bool>(database, everyoneMayCreate));
    }

    [Fact]
    public async Task Users_have_an_email_column_for_the_lambda()
    {
        var database = await server.CreateDatabaseAsync(nameof(Users_have_an_email_column_for_the_lambda));

        Assert.Equal("text", await ScalarAsync<string>(database,
            "SELECT data_type FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'email'"));
    }

    [Theory]
    [InlineData("INSERT INTO users (display_name, handle) VALUES ('A', 'same'), ('B', 'same')", PostgresErrorCodes.UniqueViolation)]
    [InlineData("INSERT INTO users (display_name, handle, cognito_user_id) VALUES ('A', 'a', 'sub-1'), ('B', 'b', 'sub-1')", PostgresErrorCodes.UniqueViolation)]
    [InlineData("INSERT INTO activities (user_uuid, message) VALUES (gen_random_uuid(), 'orphan')", PostgresErrorCodes.ForeignKeyViolation)]
    [InlineData("INSERT INTO activities (user_uuid, message, reply_to_activity_uuid) SELECT uuid, 'x', 42 FROM users LIMIT 1", PostgresErrorCodes.DatatypeMismatch)]
    public async Task The_schema_corrects_the_documents_mistakes(string sql, string sqlState)
    {
        var database = await server.CreateDatabaseAsync(nameof(The_schema_corrects_the_documents_mistakes));
        await Seeder.SeedAsync(database, Ct);

        var error = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync<object>(database, sql));

        Assert.Equal(sqlState, error.SqlState);
    }

    [Fact]
    public async Task Timestamps_record_the_instant()
    {
        var database = await server.CreateDatabaseAsync(nameof(Timestamps_record_the_instant));

        var types = await ScalarAsync<string>(database,
            "SELECT string_agg(DISTINCT data_type, ',') FROM information_schema.columns WHERE table_name IN ('users', 'activities') AND column_name LIKE '%_at'");

        Assert.Equal("timestamp with time zone", types);
    }

    [Fact]
    public async Task A_failing_migration_is_rolled_back_whole_and_named()
    {
        var database = await server.CreateDatabaseAsync(nameof(A_failing_migration_is_rolled_back_whole_and_named), migrated: false);
        // A table in the way makes the first migration fail half-way: nothing of it may stay.
        await ScalarAsync<object>(database, "CREATE TABLE activities (uuid int)");

        var error = await Assert.ThrowsAsync<CruddurException>(() => new Migrator(database).ApplyAsync((_, _) => { }, Ct));

        Assert.Contains("0001_users_and_activities.sql failed and was rolled back", error.Message);
        Assert.Null(await ScalarAsync<object>(database, "SELECT to_regclass('public.users')::text"));
    }

    static async Task<T?> ScalarAsync<T>(Cruddur.Data.Settings.Database database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.Settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? default : (T?)value;
    }
}
