using Cruddur.Chores.Admin;
using Cruddur.Chores.Local;
using Cruddur.Chores.Migrations;
using Cruddur.Data.Settings;
using Cruddur.Testing;
using Npgsql;

namespace Cruddur.Api.Tests;

/// <summary>
/// A PostgreSQL of one test class's own, to stop, restart and break under a running API: created,
/// migrated and seeded once, with a user who can post (<see cref="Poster"/>), destroyed at the end.
/// The shared test server is never harmed.
/// </summary>
public sealed class OwnCluster : IAsyncLifetime
{
    /// <summary>The handle of the user whose Cognito sub the tests' user pool signs tokens for.</summary>
    public const string Poster = "poster";

    readonly LocalCluster _cluster = new(Path.Combine(Path.GetTempPath(), $"cruddur-own-{Guid.NewGuid():N}"), ThrowawaySettings.NoFsync);

    public Database Database { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var settings = await _cluster.StartAsync(CancellationToken.None);
        Database = new Database(settings, "a test's own cluster");
        await PrepareAsync(Database);
    }

    /// <summary>Creates, migrates and seeds the database, as <c>cruddur up</c> does, and adds the <see cref="Poster"/> user.</summary>
    public static async Task PrepareAsync(Database database)
    {
        await DatabaseAdmin.CreateAsync(database, CancellationToken.None);
        await new Migrator(database).ApplyAsync((_, _) => { }, CancellationToken.None);
        await Seeder.SeedAsync(database, CancellationToken.None);
        await AddPosterAsync(database);
    }

    /// <summary>Adds the <see cref="Poster"/> user to a migrated database.</summary>
    public static Task AddPosterAsync(Database database) =>
        Rows.ReadAsync<int>(database.Settings, "INSERT INTO users (display_name, handle, cognito_user_id) VALUES ('Poster', @handle, @sub)",
            ("handle", Poster), ("sub", Auth.TestUserPool.SubOf(Poster)));

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

    /// <summary>The first column of every row; unpooled, as the server may have restarted since the last query.</summary>
    public Task<List<T>> QueryAsync<T>(string sql, params (string Name, object Value)[] parameters) =>
        Rows.ReadAsync<T>(new NpgsqlConnectionStringBuilder(Database.Settings.ConnectionString) { Pooling = false }, sql, parameters);
}
