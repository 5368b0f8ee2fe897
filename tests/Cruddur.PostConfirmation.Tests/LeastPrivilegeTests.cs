using Cruddur.Data;
using Cruddur.Testing;
using Npgsql;
using static Cruddur.PostConfirmation.Tests.UserRows;

namespace Cruddur.PostConfirmation.Tests;

/// <summary>The README's grant for the function's own role (the document connects as the master user). SELECT on
/// cognito_user_id is needed because ON CONFLICT reads it, SELECT on uuid because of RETURNING.</summary>
public class LeastPrivilegeTests(PostgresServer server)
{
    [Fact]
    public async Task The_function_needs_only_insert_on_its_columns_and_select_on_uuid_and_sub()
    {
        var database = await server.CreateDatabaseAsync(nameof(LeastPrivilegeTests));
        var role = $"cruddur_lambda_{Guid.NewGuid():N}";
        var password = Guid.NewGuid().ToString("N");
        await server.ExecuteAsync($"CREATE ROLE {Identifier.Quote(role)} LOGIN PASSWORD '{password}'");
        await using (var connection = new NpgsqlConnection(database.Settings.ConnectionString))
        {
            await connection.OpenAsync();
            await using var grant = new NpgsqlCommand(
                $"GRANT INSERT (display_name, email, handle, cognito_user_id), SELECT (uuid, cognito_user_id) ON public.users TO {Identifier.Quote(role)}", connection);
            await grant.ExecuteNonQueryAsync();
        }
        var asRole = database with { Settings = new NpgsqlConnectionStringBuilder(database.Settings.ConnectionString) { Username = role, Password = password } };
        await using var function = new LocalFunction(asRole);
        var received = EventFile.Load(nameof(ConfirmSignUpTests.Confirm_sign_up_inserts_the_user_and_returns_the_event));

        await function.InvokeAsync(received);
        await function.InvokeAsync(received);

        Assert.Equal("andrewbrown", Assert.Single(await WithSubAsync(database, "7d1c2b3a-0001-4a5b-8c9d-000000000001")).Handle);
    }
}
