using Cruddur.Data;
using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.PostConfirmation;

/// <summary>
/// How the function reaches PostgreSQL: <c>CONNECTION_URL</c> (as in the document), a connect timeout
/// well under the function's 10 s, and a relative <c>sslrootcert</c> (the RDS CA bundle shipped in
/// the zip) found next to the function's assembly, which is /var/task on Lambda.
/// </summary>
public static class FunctionConnection
{
    public const int ConnectTimeoutSeconds = 3;
    public const int CommandTimeoutSeconds = 5;
    const int NpgsqlDefaultTimeoutSeconds = 15;
    const int NpgsqlDefaultCommandTimeoutSeconds = 30;

    public static Database FromEnvironment(Func<string, string?> variables)
    {
        var value = variables(ConnectionSettings.LocalVariable);
        if (string.IsNullOrWhiteSpace(value))
            throw new CruddurException($"{ConnectionSettings.LocalVariable} is not set (set it on the function, e.g. postgresql://user@host:5432/cruddur?sslmode=verify-full&sslrootcert=certs/global-bundle.pem)");
        var spec = ConnectionUrl.Read(value, ConnectionSettings.LocalVariable);
        if (spec.Options.SecretId is not null)
            throw new CruddurException($"{ConnectionSettings.LocalVariable} uses secret=, which the function does not read (use auth=iam, or set the URL from the secret when deploying)");
        // The same transport rules as the CLI: verify-full by default for a remote host, plaintext refused.
        spec = Transport.Secure(spec, Target.Local, variables, ConnectionSettings.LocalVariable);
        return ForFunction(new Database(spec.Settings, ConnectionSettings.LocalVariable) { Options = spec.Options });
    }

    /// <summary>The same database with the function's timeouts and certificate location applied.</summary>
    public static Database ForFunction(Database database)
    {
        var settings = new NpgsqlConnectionStringBuilder(database.Settings.ConnectionString);
        if (settings.Timeout == NpgsqlDefaultTimeoutSeconds) settings.Timeout = ConnectTimeoutSeconds;
        if (settings.CommandTimeout == NpgsqlDefaultCommandTimeoutSeconds) settings.CommandTimeout = CommandTimeoutSeconds;
        if (settings.RootCertificate is { Length: > 0 } certificate && !Path.IsPathRooted(certificate))
            settings.RootCertificate = Path.Combine(FunctionDirectory, certificate);
        return database with { Settings = ConnectionSettings.WithDefaults(settings) };
    }

    static string FunctionDirectory => Path.GetDirectoryName(typeof(FunctionConnection).Assembly.Location) ?? AppContext.BaseDirectory;
}
