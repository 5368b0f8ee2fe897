using Cruddur.Data;
using Cruddur.Data.Settings;
using Cruddur.Testing;
using Npgsql;

namespace Cruddur.Security.Tests.Iam;

public class IamDataSourceTests(PostgresServer server)
{
    [Fact]
    public async Task A_data_source_with_auth_iam_logs_in_with_a_token_from_the_credential_chain()
    {
        var role = $"iam_ds_{Guid.NewGuid():N}"[..20];
        await server.ExecuteAsync($"CREATE ROLE {role} LOGIN");
        var url = ConnectionUrl.Read($"postgresql://{role}@127.0.0.1:{server.Superuser.Port}/postgres?auth=iam&region=eu-west-1", "CONNECTION_URL");
        // The standard chain reads the environment first; no other in-process test uses the chain.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        try
        {
            await using var source = DataSources.Create(new Database(url.Settings, "CONNECTION_URL") { Options = url.Options });

            var refused = await Assert.ThrowsAsync<PostgresException>(async () => await source.OpenConnectionAsync());

            // Without a password Npgsql would not even ask the server; the server checked the token as a
            // password (plain PostgreSQL has no rds_iam) and refused it.
            Assert.Equal(PostgresErrorCodes.InvalidPassword, refused.SqlState);
            Assert.DoesNotContain("X-Amz-Signature", refused.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", null);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", null);
        }
    }
}
