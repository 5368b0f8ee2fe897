using Cruddur.Data;
using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.Api;

/// <summary>
/// The API's one pooled data source, multi-host aware (one server or a primary with standbys), tuned for
/// many short queries and a bounded wait when a server is down. Writes go to the primary; feeds to a
/// standby when there is one (load-balanced), else to the primary.
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
                .AddSingleton(s => new ReadSource(s.GetRequiredService<NpgsqlDataSource>(), s.GetRequiredService<NpgsqlDataSource>()));
        return services
            .AddSingleton(_ => DataSources.CreateMultiHost(tuned))
            .AddSingleton(s => s.GetRequiredService<NpgsqlMultiHostDataSource>().WithTargetSession(TargetSessionAttributes.Primary))
            .AddSingleton(s => new ReadSource(
                s.GetRequiredService<NpgsqlMultiHostDataSource>().WithTargetSession(TargetSessionAttributes.PreferStandby),
                s.GetRequiredService<NpgsqlDataSource>()));
    }

    public static NpgsqlConnectionStringBuilder Tune(NpgsqlConnectionStringBuilder settings) =>
        new(settings.ConnectionString)
        {
            // A request must fail fast (503) rather than hang while the server is down or stuck.
            Timeout = Math.Min(settings.Timeout, 3),
            CommandTimeout = 5,
            CancellationTimeout = 1000,
            // The feeds are a handful of statements run over and over: prepare them once per connection.
            MaxAutoPrepare = 16,
            AutoPrepareMinUsages = 2,
            // Enough for 64 concurrent clients without exceeding PostgreSQL's default max_connections (100);
            // a smaller Maximum Pool Size in the connection settings is kept.
            MaxPoolSize = Math.Min(settings.MaxPoolSize, 64),
            NoResetOnClose = true,
            // One connection per request, not multiplexing: with a starved pool, multiplexing's command
            // timeouts left auto-prepared statements half-registered ("_auto0" does not exist, a 500)
            // and once a request hanging; without it a stuck request fails cleanly (PoolStarvationTests).
            Multiplexing = false,
            ApplicationName = settings.ApplicationName ?? Telemetry.ServiceName,
            // Spread the reads over the standbys, and notice a promoted standby (or a server back up) within 2 s, not 10.
            LoadBalanceHosts = settings.LoadBalanceHosts || HostList.IsMultiHost(settings),
            HostRecheckSeconds = 2,
        };
}
