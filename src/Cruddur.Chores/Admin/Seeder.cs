using Cruddur.Data.Failures;
using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.Chores.Admin;

/// <summary>The document's seed rows, added in one transaction: all of them or none, and never twice.</summary>
public static class Seeder
{
    public static async Task<SeedResult> SeedAsync(Database database, CancellationToken ct)
    {
        await using var connection = await ConnectionFailure.OpenAsync(database, database.Settings, ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var users = await ExecuteAsync(connection, "Seed/SeedUsers.sql", ct);
        var activities = await ExecuteAsync(connection, "Seed/SeedActivity.sql", ct);
        await transaction.CommitAsync(ct);
        return new SeedResult(users, activities, SeedResult.Rows - users - activities);
    }

    public static async Task<bool> HasUsersAsync(Database database, CancellationToken ct)
    {
        await using var connection = await ConnectionFailure.OpenAsync(database, database.Settings, ct);
        await using var command = new NpgsqlCommand(ChoreSql.Load("Seed/HasUsers.sql"), connection);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    static async Task<int> ExecuteAsync(NpgsqlConnection connection, string file, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(ChoreSql.Load(file), connection);
        return await command.ExecuteNonQueryAsync(ct);
    }
}

public sealed record SeedResult(int Users, int Activities, int AlreadyPresent)
{
    /// <summary>How many rows the seed holds: two users and one activity.</summary>
    public const int Rows = 3;
}
