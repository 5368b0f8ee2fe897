using Npgsql;

namespace Cruddur.Data.Settings;

/// <summary>
/// Reads <c>CONNECTION_URL</c> or <c>PROD_CONNECTION_URL</c>. Local with neither set means the
/// embedded cluster, which the caller starts (see <see cref="Local.LocalCluster"/>).
/// </summary>
public static class ConnectionSettings
{
    public const string LocalVariable = "CONNECTION_URL";
    public const string ProdVariable = "PROD_CONNECTION_URL";
    public const string DefaultDatabase = "cruddur";
    const int DefaultConnectTimeoutSeconds = 5;
    const int NpgsqlDefaultTimeoutSeconds = 15;

    public static string VariableFor(Target target) => target == Target.Prod ? ProdVariable : LocalVariable;

    /// <summary>The configured connection for the target, or null when local falls back to the embedded cluster.</summary>
    public static NpgsqlConnectionStringBuilder? FromEnvironment(Target target, Func<string, string?> variables)
    {
        var name = VariableFor(target);
        var value = variables(name);
        if (string.IsNullOrWhiteSpace(value))
            return target == Target.Prod
                ? throw new CruddurException($"{ProdVariable} is not set (export it, e.g. postgresql://user@host:5432/cruddur?sslmode=verify-full)")
                : null;
        return WithDefaults(ConnectionUrl.Parse(value, name));
    }

    public static NpgsqlConnectionStringBuilder WithDefaults(NpgsqlConnectionStringBuilder settings)
    {
        var copy = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        if (string.IsNullOrEmpty(copy.Database)) copy.Database = DefaultDatabase;
        // Npgsql waits 15 s by default; a chore should say "cannot connect" within a few seconds.
        if (copy.Timeout == NpgsqlDefaultTimeoutSeconds) copy.Timeout = DefaultConnectTimeoutSeconds;
        return copy;
    }

    /// <summary>The same server and credentials on the <c>postgres</c> maintenance database (the document's NO_DB_CONNECTION_URL).</summary>
    public static NpgsqlConnectionStringBuilder Maintenance(NpgsqlConnectionStringBuilder settings) =>
        new(settings.ConnectionString) { Database = "postgres", Pooling = false };
}
