using Cruddur.Data.Admin;
using Cruddur.Data.Local;
using Cruddur.Data.Migrations;
using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.Api.Tests;

/// <summary>
/// A PostgreSQL of one test class's own, to stop, restart and break under a running API: created,
/// migrated and seeded once, destroyed at the end. The shared test server is never harmed.
/// </summary>
public sealed class OwnCluster : IAsyncLifetime
{
    readonly LocalCluster _cluster = new(Path.Combine(Path.GetTempPath(), $"cruddur-own-{Guid.NewGuid():N}"));

    public Database Database { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var settings = await _cluster.StartAsync(CancellationToken.None);
        Database = new Database(settings, "a test's own cluster");
        await DatabaseAdmin.CreateAsync(Database, CancellationToken.None);
        await new Migrator(Database).ApplyAsync((_, _) => { }, CancellationToken.None);
        await Seeder.SeedAsync(Database, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await _cluster.DestroyAsync(CancellationToken.None);
    }

    /// <summary>pg_ctl stop -m fast: sessions are ended, in-flight transactions rolled back.</summary>
    public Task StopAsync() => _cluster.StopAsync(CancellationToken.None);

    public async Task StartAsync()
    {
        var settings = await _cluster.StartAsync(CancellationToken.None);
        Assert.Equal(Database.Settings.Port, settings.Port);
    }

    /// <summary>The first column of every row, read on a connection of the test's own.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database.Settings.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(reader.GetFieldValue<T>(0));
        return rows;
    }
}
