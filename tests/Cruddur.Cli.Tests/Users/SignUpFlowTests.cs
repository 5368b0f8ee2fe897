using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cruddur.Testing;

namespace Cruddur.Cli.Tests.Users;

/// <summary>
/// The whole local sign-up flow against the real emulator: <c>cruddur up</c> runs cognito-local with its
/// PostConfirmation trigger on our Lambda; a user signs up and is confirmed (the trigger writes the row),
/// signs in, posts, and the post is in the feed under their handle.
/// </summary>
public class SignUpFlowTests(PostgresServer server) : IDisposable
{
    const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    static extern int SendSignal(int pid, int signal);

    readonly string _home = Directory.CreateTempSubdirectory("cruddur-signup-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task A_user_signed_up_through_the_local_cognito_posts_under_their_handle()
    {
        var database = await server.CreateDatabaseAsync("sign_up_flow", migrated: false);
        var environment = Environment(database);
        var port = Cruddur.Chores.Local.FreePort.Find();
        using var up = Process.Start(CliProcess.StartInfo(environment, "up", "--port", port.ToString()))!;
        var stdout = new List<string>();
        try
        {
            await CliProcess.ReadUntilAsync(up, stdout, line => line.StartsWith("Listening: "));

            var added = await InProcessCli.RunAsync(environment, "users", "add", "tester", "--email", "tester@example.com", "--name", "Test User");
            var token = await InProcessCli.RunAsync(environment, "users", "token", "tester");
            var seededToken = await InProcessCli.RunAsync(environment, "users", "token", "bayko");
            using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
            var message = $"signed up and posting {Guid.NewGuid():N}";
            var posted = await PostAsync(api, token.Stdout.Trim(), message);
            var bySeeded = await PostAsync(api, seededToken.Stdout.Trim(), $"seeded {message}");
            var feed = JsonDocument.Parse(await api.GetStringAsync("/api/activities/home")).RootElement;

            Assert.True(added.ExitCode == 0, added.Output);
            Assert.Contains("Confirmed: the post-confirmation trigger wrote the users row for tester", added.Stdout);
            var sub = await SubOfAsync(database, "tester", "tester@example.com");
            Assert.Contains($"Cognito sub {sub}", added.Stdout);
            Assert.True(token.ExitCode == 0, token.Output);
            Assert.Equal(HttpStatusCode.Created, posted);
            Assert.Equal(HttpStatusCode.Created, bySeeded);
            Assert.Contains(feed.EnumerateArray(), a => a.GetProperty("message").GetString() == message && a.GetProperty("handle").GetString() == "tester");
            Assert.Contains(feed.EnumerateArray(), a => a.GetProperty("message").GetString() == $"seeded {message}" && a.GetProperty("handle").GetString() == "bayko");
            Assert.DoesNotContain(stdout, line => line.Contains(database.Settings.Password!));
        }
        finally
        {
            SendSignal(up.Id, SigTerm);
            await up.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        }
        var afterwards = await InProcessCli.RunAsync(environment, "users", "token", "tester");
        Assert.Equal("Error: the local Cognito is not running (start it: cruddur up)", afterwards.Stderr.Trim());
    }

    static async Task<string?> SubOfAsync(Data.Settings.Database database, string handle, string email)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database.Settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT cognito_user_id FROM users WHERE handle = @handle AND email = @email", connection);
        command.Parameters.AddWithValue("handle", handle);
        command.Parameters.AddWithValue("email", email);
        return (string?)await command.ExecuteScalarAsync();
    }

    static async Task<HttpStatusCode> PostAsync(HttpClient api, string token, string message)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/activities") { Content = JsonContent.Create(new { message, ttl = "1-hour" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await api.SendAsync(request)).StatusCode;
    }

    // cognito-local is installed once into the repository's .cruddur, as ./cruddur up does, not per test.
    Dictionary<string, string?> Environment(Data.Settings.Database database) => new()
    {
        ["CONNECTION_URL"] = database.Settings.ConnectionString,
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null,
        ["CRUDDUR_HOME"] = _home,
        ["CRUDDUR_COGNITO_LOCAL"] = Path.Combine(RepositoryFolder.Path, ".cruddur", "cognito-local"),
    };
}
