using Cruddur.Data.Failures;
using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.Chores.Admin;

public sealed record RowCounts(long Users, long Activities)
{
    public static async Task<RowCounts> ReadAsync(Database database, CancellationToken ct)
    {
        await using var connection = await ConnectionFailure.OpenAsync(database, database.Settings, ct);
        await using var command = new NpgsqlCommand(ChoreSql.Load("Status/RowCounts.sql"), connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new RowCounts(reader.GetInt64(0), reader.GetInt64(1));
    }
}
