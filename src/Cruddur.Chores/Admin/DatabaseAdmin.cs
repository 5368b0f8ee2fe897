using Cruddur.Data;
using Cruddur.Data.Failures;
using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.Chores.Admin;

/// <summary>The server-level chores: does the database exist, create it, drop it, who is connected.</summary>
public static class DatabaseAdmin
{
    public static async Task<bool> ExistsAsync(Database database, CancellationToken ct)
    {
        await using var connection = await ConnectionFailure.OpenAsync(database, database.Maintenance, ct);
        await using var command = new NpgsqlCommand(ChoreSql.Load("Admin/DatabaseExists.sql"), connection);
        command.Parameters.AddWithValue("database", database.Name);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Creates the database; false when it was already there.</summary>
    public static async Task<bool> CreateAsync(Database database, CancellationToken ct)
    {
        if (await ExistsAsync(database, ct)) return false;
        await ExecuteAsync(database, SqlFile.WithIdentifier(ChoreSql.Load("Admin/CreateDatabase.sql"), "database", database.Name), ct);
        return true;
    }

    public static async Task<int> OtherSessionsAsync(Database database, CancellationToken ct)
    {
        await using var connection = await ConnectionFailure.OpenAsync(database, database.Maintenance, ct);
        await using var command = new NpgsqlCommand(ChoreSql.Load("Admin/OtherSessions.sql"), connection);
        command.Parameters.AddWithValue("database", database.Name);
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Drops the database; with <paramref name="endSessions"/> the server ends the sessions connected to it.</summary>
    public static async Task DropAsync(Database database, bool endSessions, CancellationToken ct)
    {
        NpgsqlConnection.ClearAllPools();
        var file = endSessions ? "Admin/DropDatabaseEndingSessions.sql" : "Admin/DropDatabase.sql";
        await ExecuteAsync(database, SqlFile.WithIdentifier(ChoreSql.Load(file), "database", database.Name), ct);
    }

    public static async Task<IReadOnlyList<Session>> SessionsAsync(Database database, CancellationToken ct)
    {
        await using var connection = await ConnectionFailure.OpenAsync(database, database.Maintenance, ct);
        await using var command = new NpgsqlCommand(ChoreSql.Load("Admin/Sessions.sql"), connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var sessions = new List<Session>();
        while (await reader.ReadAsync(ct))
            sessions.Add(new Session(reader.GetInt32(0), Text(reader, 1), Text(reader, 2), Text(reader, 3), Text(reader, 4), Text(reader, 5)));
        return sessions;
    }

    /// <summary>Tables, sequences, views and indexes outside the system schemas: zero for an empty database.</summary>
    public static async Task<int> UserRelationsAsync(Database database, CancellationToken ct)
    {
        await using var connection = await ConnectionFailure.OpenAsync(database, database.Settings, ct);
        await using var command = new NpgsqlCommand(ChoreSql.Load("Admin/UserRelations.sql"), connection);
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    public static async Task<string> ServerVersionAsync(Database database, CancellationToken ct)
    {
        await using var connection = await ConnectionFailure.OpenAsync(database, database.Maintenance, ct);
        await using var command = new NpgsqlCommand(ChoreSql.Load("Status/ServerVersion.sql"), connection);
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    static async Task ExecuteAsync(Database database, string sql, CancellationToken ct)
    {
        await using var connection = await ConnectionFailure.OpenAsync(database, database.Maintenance, ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    static string Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? "" : reader.GetString(ordinal);
}
