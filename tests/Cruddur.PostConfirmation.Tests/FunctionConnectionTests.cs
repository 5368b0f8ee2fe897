using Cruddur.Data;
using Cruddur.Data.Settings;
using Cruddur.Testing;
using Npgsql;
using Cruddur.Chores.Local;

namespace Cruddur.PostConfirmation.Tests;

public class FunctionConnectionTests
{
    const string Password = "s3cret-Pa55";

    [Fact]
    public async Task A_database_that_is_down_fails_with_a_clear_error()
    {
        var port = FreePort.Find();
        var database = await Resolve(Variables($"postgresql://cruddur:{Password}@127.0.0.1:{port}/cruddur"));
        await using var function = new LocalFunction(database);

        var error = await Assert.ThrowsAsync<CruddurException>(() => function.InvokeAsync(EventFile.Load()));

        Assert.Equal(
            $"cannot save cognito user 7d1c2b3a-0009-4a5b-8c9d-000000000009: cannot connect to 127.0.0.1:{port}: connection refused (is the server running?) (check CONNECTION_URL)",
            error.Message);
        Assert.Contains(error.Message, function.Log.ToString());
        Assert.DoesNotContain(Password, function.Log.ToString());
    }

    [Fact]
    public async Task The_connect_timeout_is_well_under_the_function_timeout()
    {
        var settings = (await Resolve(Variables("postgresql://cruddur@db.example.com:5432/cruddur"))).Settings;

        Assert.Equal(3, settings.Timeout);
        Assert.Equal(5, settings.CommandTimeout);
        Assert.True(settings.Pooling);
    }

    [Fact]
    public async Task Tls_options_from_the_url_are_honoured_and_the_bundle_is_found_next_to_the_function()
    {
        var settings = (await Resolve(Variables(
            "postgresql://cruddur@db.example.com:5432/cruddur?sslmode=verify-full&sslrootcert=certs/global-bundle.pem&connect_timeout=4"))).Settings;

        Assert.Equal(SslMode.VerifyFull, settings.SslMode);
        Assert.Equal(Path.Combine(Path.GetDirectoryName(typeof(Function).Assembly.Location)!, "certs", "global-bundle.pem"), settings.RootCertificate);
        Assert.Equal(4, settings.Timeout);
    }

    [Fact]
    public async Task A_remote_database_defaults_to_verify_full_and_iam_auth_is_carried_to_the_data_source()
    {
        var database = await Resolve(Variables("postgresql://cruddur_post_confirmation@db.example.com:5432/cruddur?auth=iam&region=eu-west-1"));

        Assert.Equal(SslMode.VerifyFull, database.Settings.SslMode);
        Assert.Equal(Authentication.Iam, database.Options.Authentication);
        Assert.Equal("eu-west-1", database.Options.Region);
    }

    [Fact]
    public async Task A_plaintext_connection_to_a_remote_database_is_refused()
    {
        var error = await Assert.ThrowsAsync<CruddurException>(() => FunctionConnection.ResolveAsync(Variables($"postgresql://cruddur:{Password}@db.example.com/cruddur?sslmode=disable"), CancellationToken.None));

        Assert.StartsWith("refusing sslmode=disable to db.example.com", error.Message);
        Assert.DoesNotContain(Password, error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task A_missing_connection_url_fails_naming_the_variable(string? value)
    {
        var error = await Assert.ThrowsAsync<CruddurException>(() => FunctionConnection.ResolveAsync(Variables(value), CancellationToken.None));

        Assert.StartsWith("CONNECTION_URL is not set", error.Message);
    }

    static Task<Database> Resolve(Func<string, string?> variables) => FunctionConnection.ResolveAsync(variables, CancellationToken.None);

    static Func<string, string?> Variables(string? connectionUrl) => name => name == "CONNECTION_URL" ? connectionUrl : null;
}
