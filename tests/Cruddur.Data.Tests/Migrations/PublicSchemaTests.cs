using Cruddur.Chores.Migrations;
using Cruddur.Data.Settings;
using Cruddur.Testing;
using Npgsql;

namespace Cruddur.Data.Tests.Migrations;

/// <summary>The schema, not a role's grant, decides that only its owner creates objects in public.</summary>
public class PublicSchemaTests(PostgresServer server)
{
    const string EveryoneMayCreate = "SELECT has_schema_privilege('public', 'public', 'CREATE')";

    [Fact]
    public async Task Migrating_takes_create_on_public_from_everyone_as_rds_14_grants_it()
    {
        var database = await server.CreateDatabaseAsync(nameof(Migrating_takes_create_on_public_from_everyone_as_rds_14_grants_it), migrated: false);
        await ExecuteAsync(database, "GRANT CREATE ON SCHEMA public TO PUBLIC"); // RDS 14's default, the document's
        Assert.True(await ScalarAsync<bool>(database, EveryoneMayCreate));

        await new Migrator(database).ApplyAsync((_, _) => { }, TestContext.Current.CancellationToken);

        Assert.False(await ScalarAsync<bool>(database, EveryoneMayCreate));
    }

    static async Task ExecuteAsync(Database database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.Settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    static async Task<T> ScalarAsync<T>(Database database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.Settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
