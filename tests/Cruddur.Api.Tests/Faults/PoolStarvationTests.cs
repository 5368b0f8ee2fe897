using System.Net;
using Cruddur.Api.Tests.Auth;
using Cruddur.Testing;
using Npgsql;

namespace Cruddur.Api.Tests.Faults;

/// <summary>
/// More concurrent requests than connections, with every connection stuck behind a lock: on a database
/// of the shared test server, since the lock is the database's own and the server is never stopped.
/// </summary>
public class PoolStarvationTests(PostgresServer server, TestUserPool pool)
{
    const int PoolSize = 2;
    const int Requests = 24;

    [Fact]
    public async Task Requests_beyond_a_starved_pool_wait_a_bounded_time_then_get_503_and_the_api_recovers()
    {
        var database = await server.CreateDatabaseAsync("pool_starvation");
        await OwnCluster.AddPosterAsync(database);
        var starved = database with { Settings = new NpgsqlConnectionStringBuilder(database.Settings.ConnectionString) { MaxPoolSize = PoolSize } };
        await using var app = CruddurApi.Build(pool.ApiSettings(starved));
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = app.Address(), Timeout = TimeSpan.FromSeconds(60) };
        await using var blocker = new NpgsqlConnection(database.Settings.ConnectionString);
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE activities IN ACCESS EXCLUSIVE MODE", blocker, transaction))
            await lockTable.ExecuteNonQueryAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, Requests).Select(i => i % 2 == 0
            ? client.GetAsync("/api/activities/home")
            : client.SendAsync(Post($"starved {i}"))));
        var connections = await Rows.ReadAsync<long>(database.Settings,
            "SELECT count(*) FROM pg_stat_activity WHERE datname = @database AND application_name = 'cruddur-api'", ("database", database.Name));
        await transaction.RollbackAsync();

        foreach (var answer in answers)
            Assert.Contains("database", (await Problem.ReadAsync(answer, HttpStatusCode.ServiceUnavailable)).Detail);
        Assert.InRange(connections.Single(), 0, PoolSize);
        await ApiHealth.AssertHealthyWithin5SecondsAsync(app.Address());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/activities/home")).StatusCode);
        Assert.Empty(await Rows.ReadAsync<Guid>(database.Settings, "SELECT uuid FROM activities WHERE message LIKE 'starved %'"));
    }

    HttpRequestMessage Post(string message)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/activities") { Content = System.Net.Http.Json.JsonContent.Create(new { message, ttl = "1-day" }) };
        request.Headers.Authorization = new("Bearer", pool.AccessToken(OwnCluster.Poster));
        return request;
    }
}
