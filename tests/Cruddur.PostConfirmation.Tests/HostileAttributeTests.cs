using Cruddur.Testing;
using static Cruddur.PostConfirmation.Tests.UserRows;

namespace Cruddur.PostConfirmation.Tests;

/// <summary>The document's Lambda pasted the attributes into its SQL; these are stored as given, and nothing else changes.</summary>
public class HostileAttributeTests(PostgresServer server)
{
    static readonly UserRow Bystander = new("Bystander", "bystander@example.com", "bystander", "bystander-sub");

    [Fact]
    public async Task Lambda_does_not_interpolate_attributes()
    {
        var database = await SeededDatabaseAsync();
        await using var function = new LocalFunction(database);

        await function.InvokeAsync(EventFile.Load());

        Assert.True(await TableExistsAsync(database));
        var row = Assert.Single(await WithSubAsync(database, "7d1c2b3a-0005-4a5b-8c9d-000000000005"));
        Assert.Equal(new UserRow("Robert'); DROP TABLE users;--", "x'||(SELECT version())||'@example.com", "o'brien\"--", "7d1c2b3a-0005-4a5b-8c9d-000000000005"), row);
        Assert.Equal(Bystander, Assert.Single(await WithSubAsync(database, Bystander.CognitoUserId!)));
    }

    [Theory]
    [InlineData("name", "Robert'); DROP TABLE users;--")]
    [InlineData("preferred_username", "it's \"quoted\" `twice`")]
    [InlineData("preferred_username", "x' OR '1'='1")]
    [InlineData("name", "Zoë Ångström 日本語 🦆👩‍💻")]
    [InlineData("email", "\\'; SELECT pg_sleep(0); --@example.com")]
    [InlineData("name", "nul-free but tab\tand newline\nand backslash \\")]
    public async Task Hostile_attributes_are_stored_byte_for_byte(string attribute, string value)
    {
        var database = await SeededDatabaseAsync();
        await using var function = new LocalFunction(database);
        var sub = Guid.NewGuid().ToString();
        var received = EventFile.WithAttributes(EventFile.Load(), ("sub", sub), ("preferred_username", "h-" + sub), (attribute, value));

        var returned = await function.InvokeAsync(received);

        Assert.Equal(received, returned);
        var row = Assert.Single(await WithSubAsync(database, sub));
        var stored = attribute switch { "name" => row.DisplayName, "email" => row.Email, _ => row.Handle };
        Assert.Equal(value, stored);
        Assert.Equal(Bystander, Assert.Single(await WithSubAsync(database, Bystander.CognitoUserId!)));
    }

    [Fact]
    public async Task A_ten_thousand_character_name_is_stored_whole()
    {
        var database = await SeededDatabaseAsync();
        await using var function = new LocalFunction(database);
        var sub = Guid.NewGuid().ToString();
        var name = string.Concat(Enumerable.Repeat("Ünïcødé'\" ", 1000));
        var received = EventFile.WithAttributes(EventFile.Load(nameof(Hostile_attributes_are_stored_byte_for_byte)),
            ("sub", sub), ("preferred_username", "long-" + sub), ("name", name));

        await function.InvokeAsync(received);

        Assert.Equal(10_000, name.Length);
        Assert.Equal(name, Assert.Single(await WithSubAsync(database, sub)).DisplayName);
    }

    async Task<Cruddur.Data.Settings.Database> SeededDatabaseAsync()
    {
        var database = await server.CreateDatabaseAsync(nameof(HostileAttributeTests));
        await InsertAsync(database, Bystander);
        return database;
    }
}
