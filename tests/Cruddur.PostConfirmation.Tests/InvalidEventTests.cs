using System.Text;
using Cruddur.Data;
using Cruddur.Testing;
using static Cruddur.PostConfirmation.Tests.UserRows;

namespace Cruddur.PostConfirmation.Tests;

/// <summary>The document's Lambda printed every error and returned as if all was well; these fail the invocation by name.</summary>
public class InvalidEventTests(PostgresServer server)
{
    [Theory]
    [InlineData("sub")]
    [InlineData("name")]
    [InlineData("email")]
    [InlineData("preferred_username")]
    public async Task A_missing_attribute_fails_naming_it(string attribute)
    {
        var database = await server.CreateDatabaseAsync(nameof(InvalidEventTests));
        await using var function = new LocalFunction(database);
        var received = EventFile.WithAttributes(EventFile.Load(), (attribute, null));

        var error = await Assert.ThrowsAsync<CruddurException>(() => function.InvokeAsync(received));

        Assert.Equal($"request.userAttributes.{attribute} is missing or empty (required for PostConfirmation_ConfirmSignUp)", error.Message);
        Assert.Empty(await WithHandleAsync(database, "missingparts"));
        Assert.Contains(error.Message, function.Log.ToString());
    }

    [Fact]
    public async Task An_unknown_trigger_source_fails_naming_it()
    {
        var database = await server.CreateDatabaseAsync(nameof(InvalidEventTests));
        await using var function = new LocalFunction(database);

        var error = await Assert.ThrowsAsync<CruddurException>(() => function.InvokeAsync(EventFile.Load()));

        Assert.Equal("unknown triggerSource 'PreSignUp_SignUp' (expected PostConfirmation_ConfirmSignUp or PostConfirmation_ConfirmForgotPassword)", error.Message);
        Assert.Empty(await WithHandleAsync(database, "wrongtrigger"));
    }

    [Fact]
    public async Task Malformed_json_fails_naming_the_problem()
    {
        var database = await server.CreateDatabaseAsync(nameof(InvalidEventTests));
        await using var function = new LocalFunction(database);

        var error = await Assert.ThrowsAsync<CruddurException>(() => function.InvokeAsync(EventFile.Load()));

        Assert.StartsWith("the event is not valid JSON for a post-confirmation event (", error.Message);
        Assert.Contains("LineNumber: 0", error.Message);
    }

    [Theory]
    [InlineData("", "the event is not valid JSON")]
    [InlineData("null", "the event is JSON null")]
    [InlineData("[1, 2]", "the event is not valid JSON")]
    [InlineData("{\"triggerSource\": 42}", "the event is not valid JSON")]
    [InlineData("{}", "the event has no triggerSource")]
    [InlineData("{\"triggerSource\": \"PostConfirmation_ConfirmSignUp\"}", "the event has no request.userAttributes")]
    [InlineData("{\"triggerSource\": \"PostConfirmation_ConfirmSignUp\", \"request\": {\"userAttributes\": {\"sub\": 7}}}",
        "request.userAttributes.name is missing or empty")]
    [InlineData("{\"triggerSource\": \"PostConfirmation_ConfirmSignUp\", \"request\": {\"userAttributes\": {\"name\": \"n\", \"email\": \"e\", \"preferred_username\": \"p\", \"sub\": 7}}}",
        "request.userAttributes.sub is a JSON number (expected a string)")]
    public async Task An_event_of_the_wrong_shape_fails_naming_the_problem(string json, string problem)
    {
        var database = await server.CreateDatabaseAsync(nameof(InvalidEventTests));
        await using var function = new LocalFunction(database);

        var error = await Assert.ThrowsAsync<CruddurException>(() => function.InvokeAsync(Encoding.UTF8.GetBytes(json)));

        Assert.StartsWith(problem, error.Message);
    }
}
