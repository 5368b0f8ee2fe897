using Cruddur.Data;
using Cruddur.Data.Settings;
using Npgsql;

namespace Cruddur.Cli.Cognito;

/// <summary>Users signed up through the local Cognito, whose post-confirmation trigger writes their users row.</summary>
public static class LocalUsers
{
    static readonly string UserOfSubSql = Load("UserOfSub.sql");
    static readonly string SeededUsersSql = Load("SeededUsers.sql");
    static readonly string LinkSeededUserSql = Load("LinkSeededUser.sql");

    /// <summary>Signs up and confirms; fails when the trigger wrote no row (cognito-local only logs a trigger's failure).</summary>
    public static async Task<string> AddAsync(Database database, LocalPool pool, CognitoClient cognito, string home, LocalUser user, CancellationToken ct)
    {
        var sub = await pool.SignUpAsync(cognito, user, ct);
        await pool.ConfirmAsync(cognito, user, ct);
        await LocalUser.SaveAsync(home, user, ct);
        await using var source = DataSources.Create(database);
        await using var connection = await source.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(UserOfSubSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("cognito_user_id", sub));
        return await command.ExecuteScalarAsync(ct) switch
        {
            string handle when handle == user.Handle => sub,
            string other => throw new CruddurException($"{user.Email} was confirmed, but the trigger wrote the handle {other}"),
            _ => throw new CruddurException($"{user.Handle} was confirmed, but the post-confirmation trigger wrote no users row " +
                "(is the handle taken? see the Lambda's line in cruddur up's output)"),
        };
    }

    /// <summary>
    /// Puts the seed's users into the local pool so that they can sign in: signed up, their row given the
    /// new sub, then confirmed (the trigger then finds the row and leaves it). Returns their handles.
    /// </summary>
    public static async Task<List<string>> AddSeededAsync(Database database, LocalPool pool, CognitoClient cognito, string home, CancellationToken ct)
    {
        await using var source = DataSources.Create(database);
        await using var connection = await source.OpenConnectionAsync(ct);
        var seeded = new List<(string Handle, string Name)>();
        await using (var select = new NpgsqlCommand(SeededUsersSql, connection))
        await using (var reader = await select.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) seeded.Add((reader.GetString(0), reader.GetString(1)));
        foreach (var (handle, name) in seeded)
        {
            var user = LocalUser.New(handle, $"{handle}@cruddur.local", name);
            var sub = await pool.SignUpAsync(cognito, user, ct);
            await using (var link = new NpgsqlCommand(LinkSeededUserSql, connection))
            {
                link.Parameters.Add(new NpgsqlParameter<string>("cognito_user_id", sub));
                link.Parameters.Add(new NpgsqlParameter<string>("handle", handle));
                await link.ExecuteNonQueryAsync(ct);
            }
            await pool.ConfirmAsync(cognito, user, ct);
            await LocalUser.SaveAsync(home, user, ct);
        }
        return [.. seeded.Select(s => s.Handle)];
    }

    static string Load(string name) => SqlFile.Load($"Cognito/Sql/{name}", typeof(LocalUsers).Assembly);
}
