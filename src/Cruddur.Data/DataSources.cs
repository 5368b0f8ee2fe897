using Cruddur.Data.Security;
using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.Data;

/// <summary>The one place that turns connection settings into a pooled <see cref="NpgsqlDataSource"/>.</summary>
public static class DataSources
{
    // A token lives 15 minutes; refreshing every 10 leaves each new physical connection a valid one.
    static readonly TimeSpan TokenRefresh = TimeSpan.FromMinutes(10);
    static readonly TimeSpan TokenRetry = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Refuses plaintext to a remote host (unless the options allow it); with <c>auth=iam</c> every new
    /// physical connection logs in with a recent RDS IAM token instead of a fixed password.
    /// </summary>
    public static NpgsqlDataSource Create(Database database) => Builder(database).Build();

    /// <summary>
    /// The same for a host list: one data source aware of each server's role, from which
    /// <see cref="NpgsqlMultiHostDataSource.WithTargetSession"/> gives the primary or the standbys.
    /// </summary>
    public static NpgsqlMultiHostDataSource CreateMultiHost(Database database) => Builder(database).BuildMultiHost();

    static NpgsqlDataSourceBuilder Builder(Database database)
    {
        Transport.RefusePlaintext(database.Settings, database.Options, database.Source);
        if (database.Options.Authentication != Authentication.Iam)
            return new NpgsqlDataSourceBuilder(database.Settings.ConnectionString);

        var settings = new NpgsqlConnectionStringBuilder(database.Settings.ConnectionString) { Password = null };
        var builder = new NpgsqlDataSourceBuilder(settings.ConnectionString);
        var region = database.Options.Region;
        builder.UsePeriodicPasswordProvider(async (_, ct) => await IamAuthToken.GenerateAsync(settings, region, ct), TokenRefresh, TokenRetry);
        return builder;
    }
}
