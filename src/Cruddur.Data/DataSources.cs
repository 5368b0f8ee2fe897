using Npgsql;

namespace Cruddur.Data;

/// <summary>The one place that turns connection settings into a pooled <see cref="NpgsqlDataSource"/>.</summary>
public static class DataSources
{
    public static NpgsqlDataSource Create(NpgsqlConnectionStringBuilder settings)
    {
        var builder = new NpgsqlDataSourceBuilder(settings.ConnectionString);
        return builder.Build();
    }
}
