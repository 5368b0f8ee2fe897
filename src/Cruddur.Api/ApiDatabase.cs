using Cruddur.Data;
using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.Api;

/// <summary>
/// The API's data sources, made here only: the pool every request uses, multi-host aware (one server or
/// a primary with standbys), tuned for many short queries and a bounded wait when a server is down, and
/// the feed cache's one listening connection. Writes go to the primary; reads to a standby when there
/// is one (load-balanced), else to the primary.
/// </summary>
public static class ApiDatabase
{
    /// <summary>
    /// Registers the data source (disposed with the host): the primary as the default, the reads as a
    /// <see cref="ReadSource"/>. One host needs no roles: its own data source then serves both, and is
    /// retried at once when it comes back rather than after Npgsql's host recheck.
    /// </summary>
    public static IServiceCollection AddApiDatabase(this IServiceCollection services, Database database)
    {
        var tuned = database with { Settings = Tune(database.Settings) };
        if (!HostList.IsMultiHost(tuned.Settings))
            return services.AddSingleton(_ => DataSources.Create(tuned))
                .AddSingleton(s => new ReadSource(s.GetRequiredService<NpgsqlDataSource>(), s.GetRequiredService<NpgsqlDataSource>(), s.GetRequiredService<NpgsqlDataSource>()));
        return services
            .AddSingleton(_ => DataSources.CreateMultiHost(tuned))
            .AddSingleton(s => s.GetRequiredService<NpgsqlMultiHostDataSource>().WithTargetSession(TargetSessionAttributes.Primary))
            .AddSingleton(s => new ReadSource(
                s.GetRequiredService<NpgsqlMultiHostDataSource>().WithTargetSession(TargetSessionAttributes.PreferStandby),
                s.GetRequiredService<NpgsqlDataSource>(),
                s.GetRequiredService<NpgsqlMultiHostDataSource>().WithTargetSession(TargetSessionAttributes.PreferPrimary)));
    }

    /// <summary>
    /// Unpooled, so that it holds no slot of the request pool and a broken one is never handed out
    /// again; named apart, so that it shows as the listener in pg_stat_activity. It must reach the
    /// primary: a standby cannot LISTEN.
    /// </summary>
    public static NpgsqlDataSource CreateListener(Database database)
    {
        var settings = Tune(database.Settings);
        settings.Pooling = false;
        settings.ApplicationName += ListenerSuffix;
        if (HostList.IsMultiHost(settings)) settings.TargetSessionAttributes = "primary";
        return DataSources.Create(database with { Settings = settings });
    }

    public const string ListenerSuffix = "-listener";

    public static NpgsqlConnectionStringBuilder Tune(NpgsqlConnectionStringBuilder settings) =>
        new(settings.ConnectionString)
        {
            // A request must fail fast (503) rather than hang while the server is down or stuck.
            Timeout = Math.Min(settings.Timeout, ConnectionProfile.Api.ConnectTimeoutSeconds),
            CommandTimeout = ConnectionProfile.Api.CommandTimeoutSeconds!.Value,
            CancellationTimeout = 1000,
            // The feeds are a handful of statements run over and over: prepare them once per connection.
            MaxAutoPrepare = 16,
            AutoPrepareMinUsages = 2,
            // Enough for 64 concurrent clients without exceeding PostgreSQL's default max_connections (100);
            // a smaller Maximum Pool Size in the connection settings is kept.
            MaxPoolSize = Math.Min(settings.MaxPoolSize, 64),
            NoResetOnClose = true,
            // One connection per request, not multiplexing. Under a starved pool (PoolStarvationTests) Npgsql
            // 10's multiplexing write loop spins without end once every connector of a full pool is
            // unwritable (a command waiting for a connector has no timeout, and one loop serves the whole
            // pool), and a pipelined Bind of an auto-prepared "_autoN" whose Parse was cancelled behind the
            // lock fails with 26000; see bench/README.md.
            Multiplexing = false,
            ApplicationName = settings.ApplicationName ?? Telemetry.ServiceName,
            // Spread the reads over the standbys, and notice a promoted standby (or a server back up) within 2 s, not 10.
            LoadBalanceHosts = settings.LoadBalanceHosts || HostList.IsMultiHost(settings),
            HostRecheckSeconds = 2,
        };
}
