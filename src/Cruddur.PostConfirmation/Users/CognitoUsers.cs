using Cruddur.Data.Failures;
using Cruddur.Data;
using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.PostConfirmation.Users;

/// <summary>The users table as the function writes it, through one pooled data source.</summary>
public sealed class CognitoUsers(Database database) : IAsyncDisposable
{
    const string HandleConstraint = "users_handle_key";

    static readonly string InsertSql = SqlFile.Load("Users/InsertFromCognito.sql", typeof(CognitoUsers).Assembly);

    readonly NpgsqlDataSource _dataSource = DataSources.Create(database);

    /// <summary>Inserts the user unless its sub is already there; true when a row was added.</summary>
    public async Task<bool> InsertAsync(CognitoUser user, CancellationToken ct)
    {
        try
        {
            await using var command = _dataSource.CreateCommand(InsertSql);
            command.Parameters.AddWithValue("display_name", user.DisplayName);
            command.Parameters.AddWithValue("email", user.Email);
            command.Parameters.AddWithValue("handle", user.Handle);
            command.Parameters.AddWithValue("cognito_user_id", user.CognitoUserId);
            return await command.ExecuteScalarAsync(ct) is not null;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == HandleConstraint)
        {
            throw new CruddurException($"handle '{user.Handle}' is already taken by another user (cognito user {user.CognitoUserId} was not saved)", e);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            var failure = ConnectionFailure.Describe(e, database);
            throw new CruddurException($"cannot save cognito user {user.CognitoUserId}: {failure.Message}", e);
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
