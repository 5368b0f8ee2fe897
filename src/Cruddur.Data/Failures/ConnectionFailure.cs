using System.Net.Sockets;
using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.Data.Failures;

/// <summary>Turns a failure to reach PostgreSQL into one line naming host, port and cause (by SqlState, never message text).</summary>
public static class ConnectionFailure
{
    public static CruddurException Describe(Exception error, Database database, string? tlsCause = null) => error switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } =>
            new($"database {database.Name} does not exist on {database.Endpoint} (run: cruddur db create)", error),
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification }
            when database.Options.Authentication == Authentication.Iam =>
            new($"cannot connect to {database.Endpoint}: IAM authentication failed for user {database.Settings.Username} " +
                "(the user needs GRANT rds_iam, the instance IAM authentication, and the AWS identity rds-db:connect on this user)", error),
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword } =>
            new($"cannot connect to {database.Endpoint}: password authentication failed for user {database.Settings.Username} (check {database.Source})", error),
        PostgresException { SqlState: PostgresErrorCodes.InvalidAuthorizationSpecification } =>
            new($"cannot connect to {database.Endpoint}: the server rejected user {database.Settings.Username} (check {database.Source})", error),
        PostgresException postgres =>
            new($"{database.Endpoint}: {postgres.MessageText} ({postgres.SqlState})", error),
        _ => new($"cannot connect to {database.Endpoint}: {tlsCause ?? Cause(error, database)} (check {database.Source})", error),
    };

    static string Cause(Exception error, Database database)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return "connection refused (is the server running?)";
                case SocketException { SocketErrorCode: SocketError.ConnectionReset } or EndOfStreamException:
                    return $"the server hung up without answering as PostgreSQL does ({NotPostgres})";
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData }:
                    return "host not found";
                case SocketException socket:
                    return socket.SocketErrorCode.ToString();
                case System.Security.Authentication.AuthenticationException:
                    return TlsFailure.Untrusted(database.Settings);
                case TimeoutException:
                    return $"no answer within {database.Settings.Timeout} s";
            }
        }
        // Npgsql raises a bare NpgsqlException when the bytes that came back are not PostgreSQL's protocol.
        return error is NpgsqlException { InnerException: null } and not PostgresException
            ? $"the server's answer is not PostgreSQL's protocol ({NotPostgres})"
            : error.GetType().Name;
    }

    const string NotPostgres = "is PostgreSQL listening on this port?";

    /// <summary>Opens a connection, translating failures to reach the server.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(Database database, NpgsqlConnectionStringBuilder settings, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            await connection.DisposeAsync();
            var tlsCause = TlsFailure.IsTls(e) ? await TlsFailure.DiagnoseAsync(settings, ct) : await TlsFailure.TlsNotOfferedAsync(e, settings, ct);
            throw Describe(e, database, tlsCause);
        }
    }
}
