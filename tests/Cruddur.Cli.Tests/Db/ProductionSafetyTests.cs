using Cruddur.Chores.Admin;
using Cruddur.Testing;

namespace Cruddur.Cli.Tests.Db;

public class ProductionSafetyTests(PostgresServer server)
{
    CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("drop", "drop the database")]
    [InlineData("setup", "drop and recreate the database")]
    [InlineData("seed", "seed the database")]
    public async Task Destructive_chores_on_prod_without_force_refuse_and_say_why(string chore, string what)
    {
        var database = await server.CreateDatabaseAsync(nameof(Destructive_chores_on_prod_without_force_refuse_and_say_why));

        var flag = await InProcessCli.RunAsync(CliEnvironment.Prod(database), "db", chore, "--prod");
        var word = await InProcessCli.RunAsync(CliEnvironment.Prod(database), "db", chore, "prod");

        foreach (var result in new[] { flag, word })
        {
            Assert.Equal(1, result.ExitCode);
            Assert.Equal($"Error: refusing to {what} on production without --force (it changes or deletes production data)\n", result.Stderr);
        }
        Assert.Equal(new RowCounts(0, 0), await RowCounts.ReadAsync(database, Ct));
    }

    [Fact]
    public async Task The_documents_trailing_prod_word_targets_PROD_CONNECTION_URL()
    {
        var database = await server.CreateDatabaseAsync(nameof(The_documents_trailing_prod_word_targets_PROD_CONNECTION_URL));

        var result = await InProcessCli.RunAsync(CliEnvironment.Prod(database), "db", "seed", "prod", "--force");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(new RowCounts(2, 1), await RowCounts.ReadAsync(database, Ct));
    }

    [Fact]
    public async Task Prod_without_PROD_CONNECTION_URL_names_the_variable()
    {
        var result = await InProcessCli.RunAsync(new Dictionary<string, string?>(), "db", "status", "--prod");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Error: PROD_CONNECTION_URL is not set", result.Stderr);
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("drop")]
    [InlineData("setup")]
    public async Task Destructive_chores_on_prod_without_PROD_CONNECTION_URL_name_it_before_asking_for_force(string chore)
    {
        var result = await InProcessCli.RunAsync(new Dictionary<string, string?>(), "db", chore, "--prod");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Error: PROD_CONNECTION_URL is not set", result.Stderr);
        Assert.DoesNotContain("--force", result.Stderr);
    }
}
