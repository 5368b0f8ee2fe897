using Cruddur.Data;
using Cruddur.Chores.Local;
using Cruddur.Chores.Migrations;
using Cruddur.Data.Settings;
using Npgsql;
using Xunit;

namespace Cruddur.Testing;

/// <summary>
/// One throwaway PostgreSQL per test run: initdb + pg_ctl in a temp folder on a free port, started
/// once, removed at the end. Each test class gets its own database, cloned from one migrated once.
/// Register it with <c>[assembly: AssemblyFixture(typeof(PostgresServer))]</c>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    const string Template = "cruddur_template";

    // Durability is not under test here; these make CREATE DATABASE and commits fast.
    static readonly Dictionary<string, string> FastSettings = new(ThrowawaySettings.NoFsync)
    {
        ["synchronous_commit"] = "off",
        ["full_page_writes"] = "off",
        ["max_connections"] = "300",
    };

    readonly LocalCluster _cluster = new(Path.Combine(Path.GetTempPath(), $"cruddur-test-{Guid.NewGuid():N}"), FastSettings);
    readonly SemaphoreSlim _templateLock = new(1, 1);
    bool _templateReady;

    public NpgsqlConnectionStringBuilder Superuser { get; private set; } = new();

    public async ValueTask InitializeAsync() =>
        Superuser = await _cluster.StartAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await _cluster.DestroyAsync(CancellationToken.None);
    }

    /// <summary>A new database with a unique name; migrated (schema only, no seed) unless asked otherwise.</summary>
    public async Task<Database> CreateDatabaseAsync(string owner, bool migrated = true)
    {
        if (migrated) await EnsureTemplateAsync();
        var name = UniqueName(owner);
        var template = migrated ? $" TEMPLATE {Identifier.Quote(Template)}" : "";
        await ExecuteAsync($"CREATE DATABASE {Identifier.Quote(name)}{template}");
        return For(name);
    }

    /// <summary>Settings for a database on this server that need not exist yet.</summary>
    public Database For(string databaseName) =>
        new(new NpgsqlConnectionStringBuilder(Superuser.ConnectionString) { Database = databaseName }, "the test server");

    public static string UniqueName(string owner) =>
        $"t_{new string(owner.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(28).ToArray())}_{Guid.NewGuid():N}";

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionSettings.Maintenance(Superuser).ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    async Task EnsureTemplateAsync()
    {
        await _templateLock.WaitAsync();
        try
        {
            if (_templateReady) return;
            await ExecuteAsync($"CREATE DATABASE {Identifier.Quote(Template)}");
            await new Migrator(For(Template)).ApplyAsync((_, _) => { }, CancellationToken.None);
            NpgsqlConnection.ClearAllPools();
            _templateReady = true;
        }
        finally
        {
            _templateLock.Release();
        }
    }
}
