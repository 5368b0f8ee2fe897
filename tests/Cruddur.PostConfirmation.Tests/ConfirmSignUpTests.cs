using Cruddur.Data;
using Cruddur.Testing;
using static Cruddur.PostConfirmation.Tests.UserRows;

namespace Cruddur.PostConfirmation.Tests;

public class ConfirmSignUpTests(PostgresServer server)
{
    [Fact]
    public async Task Confirm_sign_up_inserts_the_user_and_returns_the_event()
    {
        var database = await server.CreateDatabaseAsync(nameof(ConfirmSignUpTests));
        await using var function = new LocalFunction(database);
        var received = EventFile.Load();

        var returned = await function.InvokeAsync(received);

        Assert.Equal(received, returned);
        var row = Assert.Single(await WithSubAsync(database, "7d1c2b3a-0001-4a5b-8c9d-000000000001"));
        Assert.Equal(new UserRow("Andrew Brown", "andrew@exampro.co", "andrewbrown", "7d1c2b3a-0001-4a5b-8c9d-000000000001"), row);
    }

    [Fact]
    public async Task Confirm_sign_up_delivered_twice_leaves_one_row()
    {
        var database = await server.CreateDatabaseAsync(nameof(ConfirmSignUpTests));
        await using var function = new LocalFunction(database);
        var received = EventFile.Load();

        await function.InvokeAsync(received);
        var retried = await function.InvokeAsync(received);

        Assert.Equal(received, retried);
        Assert.Single(await WithSubAsync(database, "7d1c2b3a-0002-4a5b-8c9d-000000000002"));
        Assert.Contains("already present, unchanged", function.Log.ToString());
    }

    [Fact]
    public async Task Attributes_the_function_does_not_read_may_have_any_json_type()
    {
        var database = await server.CreateDatabaseAsync(nameof(ConfirmSignUpTests));
        await using var function = new LocalFunction(database);
        var sub = Guid.NewGuid().ToString();
        var received = System.Text.Encoding.UTF8.GetBytes($$"""
            {"triggerSource": "PostConfirmation_ConfirmSignUp", "request": {"userAttributes": {
              "sub": "{{sub}}", "name": "Typed", "email": "typed@example.com", "preferred_username": "typed-{{sub}}",
              "email_verified": true, "custom:score": 7, "custom:tags": ["a"] } } }
            """);

        await function.InvokeAsync(received);

        Assert.Equal("Typed", Assert.Single(await WithSubAsync(database, sub)).DisplayName);
    }

    [Fact]
    public async Task Confirm_forgot_password_writes_nothing_and_returns_the_event()
    {
        var database = await server.CreateDatabaseAsync(nameof(ConfirmSignUpTests));
        await using var function = new LocalFunction(database);
        var received = EventFile.Load();

        var returned = await function.InvokeAsync(received);

        Assert.Equal(received, returned);
        Assert.Empty(await WithSubAsync(database, "7d1c2b3a-0003-4a5b-8c9d-000000000003"));
        Assert.Empty(await WithHandleAsync(database, "resetonly"));
    }

    [Fact]
    public async Task A_handle_taken_by_another_user_fails_and_keeps_the_first_row()
    {
        var database = await server.CreateDatabaseAsync(nameof(ConfirmSignUpTests));
        var first = new UserRow("First Comer", "first@example.com", "firstcomer", "first-cognito-sub");
        await InsertAsync(database, first);
        await using var function = new LocalFunction(database);

        var error = await Assert.ThrowsAsync<CruddurException>(() => function.InvokeAsync(EventFile.Load()));

        Assert.Equal("handle 'firstcomer' is already taken by another user (cognito user 7d1c2b3a-0004-4a5b-8c9d-000000000004 was not saved)", error.Message);
        Assert.Equal(first, Assert.Single(await WithHandleAsync(database, "firstcomer")));
        Assert.Empty(await WithSubAsync(database, "7d1c2b3a-0004-4a5b-8c9d-000000000004"));
        Assert.Contains($"post-confirmation failed: {error.Message}", function.Log.ToString());
    }
}
