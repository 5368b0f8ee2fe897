using Cruddur.Data;
using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.Api;

/// <summary>The API's one pooled data source, tuned for many short queries and a bounded wait when the server is down.</summary>
public static class ApiDatabase
{
    public static NpgsqlDataSource Create(Database database) => DataSources.Create(database with { Settings = Tune(database.Settings) });

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
            // Enough for 64 concurrent clients without exceeding PostgreSQL's default max_connections (100).
            MaxPoolSize = 64,
            NoResetOnClose = true,
            // Many requests share few connections, their commands pipelined (as in TechEmpower's Npgsql
            // entries): fewer round trips and context switches on a small machine.
            Multiplexing = true,
            ApplicationName = settings.ApplicationName ?? Telemetry.ServiceName,
        };
}
