using Cruddur.Testing;
using static Cruddur.PostConfirmation.Tests.UserRows;

namespace Cruddur.PostConfirmation.Tests.Cli;

/// <summary>The README's two invoke examples, run as written on a database seeded as <c>cruddur up</c> seeds it.</summary>
public class ReadmeExampleTests(PostgresServer server)
{
    const string Sub = "7d1c2b3a-0100-4a5b-8c9d-000000000100";

    [Fact]
    public async Task Readme_invoke_examples_work_on_the_database_up_seeded()
    {
        var database = await server.CreateDatabaseAsync(nameof(ReadmeExampleTests));
        var environment = new Dictionary<string, string?> { ["CONNECTION_URL"] = database.Settings.ConnectionString };
        var eventFile = $"tests/Cruddur.PostConfirmation.Tests/Events/{nameof(Readme_invoke_examples_work_on_the_database_up_seeded)}.json";
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryFolder.Path, "README.md"));
        Assert.Equal(0, (await InProcessCli.RunAsync(environment, "db", "seed")).ExitCode);

        var invoke = await InProcessCli.RunAsync(environment, "lambda", "invoke", "post-confirmation", "--event", EventFile.PathFor());
        await using var serve = await ServeProcess.StartAsync(database.Settings.ConnectionString);
        var aws = await AwsCli.InvokeAsync(serve.Url, "cruddur-post-confirmation", EventFile.PathFor());

        Assert.Contains($"./cruddur lambda invoke post-confirmation --event {eventFile}", readme);
        Assert.Contains($"--payload file://{eventFile}", readme);
        Assert.Contains("AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local", readme);
        Assert.True(invoke.ExitCode == 0, invoke.Stderr);
        Assert.True(aws.ExitCode == 0, aws.Stderr);
        Assert.DoesNotContain("FunctionError", aws.Stdout);
        Assert.Equal(new UserRow("Londo Mollari", "lmollari@centari.example", "londo", Sub), Assert.Single(await WithSubAsync(database, Sub)));
    }
}
