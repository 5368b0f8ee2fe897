using Npgsql;

namespace Cruddur.Api.Tests;

/// <summary>What a test reads back from the database, on a connection of its own (never the API's pool).</summary>
static class Rows
{
    /// <summary>The first column of every row.</summary>
    public static async Task<List<T>> ReadAsync<T>(NpgsqlConnectionStringBuilder settings, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(reader.GetFieldValue<T>(0));
        return rows;
    }
}
