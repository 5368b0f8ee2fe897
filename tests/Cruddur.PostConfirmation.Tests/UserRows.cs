using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.PostConfirmation.Tests;

/// <summary>What a user would check with psql: the users rows, read back as stored.</summary>
public static class UserRows
{
    public sealed record UserRow(string DisplayName, string? Email, string Handle, string? CognitoUserId);

    public static async Task<IReadOnlyList<UserRow>> WithSubAsync(Database database, string sub) =>
        await ReadAsync(database, "SELECT display_name, email, handle, cognito_user_id FROM users WHERE cognito_user_id = @value", sub);

    public static async Task<IReadOnlyList<UserRow>> WithHandleAsync(Database database, string handle) =>
        await ReadAsync(database, "SELECT display_name, email, handle, cognito_user_id FROM users WHERE handle = @value", handle);

    public static async Task InsertAsync(Database database, UserRow row)
    {
        await using var connection = await OpenAsync(database);
        await using var command = new NpgsqlCommand(
            "INSERT INTO users (display_name, email, handle, cognito_user_id) VALUES (@name, @email, @handle, @sub)", connection);
        command.Parameters.AddWithValue("name", row.DisplayName);
        command.Parameters.AddWithValue("email", (object?)row.Email ?? DBNull.Value);
        command.Parameters.AddWithValue("handle", row.Handle);
        command.Parameters.AddWithValue("sub", (object?)row.CognitoUserId ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<bool> TableExistsAsync(Database database)
    {
        await using var connection = await OpenAsync(database);
        await using var command = new NpgsqlCommand("SELECT to_regclass('public.users') IS NOT NULL", connection);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    static async Task<IReadOnlyList<UserRow>> ReadAsync(Database database, string sql, string value)
    {
        await using var connection = await OpenAsync(database);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("value", value);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<UserRow>();
        while (await reader.ReadAsync())
            rows.Add(new UserRow(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        return rows;
    }

    static async Task<NpgsqlConnection> OpenAsync(Database database)
    {
        var connection = new NpgsqlConnection(database.Settings.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
