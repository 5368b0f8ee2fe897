using Cruddur.Testing;

namespace Cruddur.Security.Tests.Roles;

public class IamLoginTests(PostgresServer server)
{
    [Fact]
    public async Task Db_roles_with_iam_on_a_server_without_rds_iam_changes_nothing_and_says_why()
    {
        var database = await server.CreateDatabaseAsync("roles_iam_needs_rds_server");

        var result = await InProcessCli.RunWithInputAsync(new Dictionary<string, string?> { ["CONNECTION_URL"] = database.Settings.ConnectionString },
            null, "db", "roles", "--iam");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Error: the server has no rds_iam role (IAM database authentication exists on RDS only)", result.Stderr);
        Assert.DoesNotContain("cruddur_app", result.Stdout);
    }
}
