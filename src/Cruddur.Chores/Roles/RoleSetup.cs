using Cruddur.Data;
using Cruddur.Data.Failures;
using Cruddur.Chores.Admin;
using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.Chores.Roles;

/// <summary>How a role may log in after setup.</summary>
public enum RoleLogin
{
    /// <summary>Left as it was: a new role cannot log in, an existing one keeps its password.</summary>
    Unchanged,
    Password,
    Iam,
}

public sealed record RoleOutcome(DatabaseRole Role, bool Created, RoleLogin Login);

/// <summary>
/// Creates a <see cref="DatabaseRole"/> when missing (roles are cluster-wide, so this is idempotent and
/// tolerates a concurrent creation) and converges its privileges on one database, in one transaction.
/// </summary>
public static class RoleSetup
{
    const string IamRole = "rds_iam";

    public static async Task<RoleOutcome> ApplyAsync(Database database, DatabaseRole role, RoleLogin login, string? password, CancellationToken ct)
    {
        await using var connection = await ConnectionFailure.OpenAsync(database, database.Settings, ct);
        try
        {
            if (login == RoleLogin.Iam && !await ExistsAsync(connection, IamRole, ct))
                throw new CruddurException($"the server has no {IamRole} role (IAM database authentication exists on RDS only)");
            var created = await CreateIfMissingAsync(connection, role, ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var grants = SqlFile.WithIdentifier(SqlFile.WithIdentifier(ChoreSql.Load(role.Grants), "role", role.Name), "database", database.Name);
            await ExecuteAsync(connection, grants, ct);
            if (login == RoleLogin.Password) await ExecuteAsync(connection, SetPassword(role, password), ct);
            if (login == RoleLogin.Iam) await ExecuteAsync(connection, SqlFile.WithIdentifier(ChoreSql.Load("Roles/AllowIamLogin.sql"), "role", role.Name), ct);
            await transaction.CommitAsync(ct);
            return new RoleOutcome(role, created, login);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new CruddurException(
                $"user {database.Settings.Username} may not set up role {role.Name} ({e.MessageText}; run it as the owner of the tables with CREATEROLE, e.g. the RDS master user)", e);
        }
    }

    static async Task<bool> CreateIfMissingAsync(NpgsqlConnection connection, DatabaseRole role, CancellationToken ct)
    {
        if (await ExistsAsync(connection, role.Name, ct)) return false;
        try
        {
            await ExecuteAsync(connection, SqlFile.WithIdentifier(ChoreSql.Load("Roles/CreateRole.sql"), "role", role.Name), ct);
            return true;
        }
        // Another session created it between our check and our CREATE: the role exists, which is all we need.
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }
    }

    static async Task<bool> ExistsAsync(NpgsqlConnection connection, string role, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(ChoreSql.Load("Roles/RoleExists.sql"), connection);
        command.Parameters.AddWithValue("role", role);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    // ALTER ROLE takes no parameters; the literal is a verifier we computed (base64 and '$:'), not the password.
    static string SetPassword(DatabaseRole role, string? password)
    {
        if (string.IsNullOrEmpty(password)) throw new CruddurException($"no password for {role.Name} (set {role.PasswordVariable})");
        var sql = SqlFile.WithIdentifier(ChoreSql.Load("Roles/SetPassword.sql"), "role", role.Name);
        return sql.Replace("{verifier}", $"'{ScramVerifier.For(password)}'", StringComparison.Ordinal);
    }

    static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
