using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cruddur.Api.Feeds;
using Cruddur.Api.Tests.Auth;
using Cruddur.Data.Settings;
using Cruddur.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cruddur.Api.Tests;

/// <summary>
/// The real API on 127.0.0.1 (a free port) over a fresh migrated database of the test server, trusting
/// the tests' user pool; one per test class. Its feed cache is on: a row the tests write straight to the
/// database reaches the feeds through the change notification, which the writing helpers wait for.
/// </summary>
public sealed class ApiServer(PostgresServer server, TestUserPool pool) : IAsyncLifetime
{
    WebApplication? _app;

    public Database Database { get; private set; } = null!;
    HttpClient? _client;
    FeedCache? _cache;

    public HttpClient Client => _client ?? throw new InvalidOperationException("the API server has not started");

    FeedCache Cache => _cache ?? throw new InvalidOperationException("the API server has not started");

    public TestUserPool Pool => pool;

    public async ValueTask InitializeAsync()
    {
        Database = await server.CreateDatabaseAsync("cruddurapitests");
        _app = CruddurApi.Build(pool.ApiSettings(Database));
        await _app.StartAsync();
        _cache = _app.Services.GetRequiredService<FeedCache>();
        _client = new HttpClient { BaseAddress = _app.Address(), Timeout = TimeSpan.FromSeconds(60) };
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }

    /// <summary>A user with a handle no other test uses, as the post-confirmation Lambda writes it (with the Cognito sub).</summary>
    public async Task<string> AddUserAsync(string prefix = "user")
    {
        var handle = $"{prefix}{Guid.NewGuid():N}"[..20];
        await ChangeFeedsAsync("INSERT INTO users (display_name, handle, cognito_user_id) VALUES (@name, @handle, @sub)",
            ("name", $"Display {handle}"), ("handle", handle), ("sub", TestUserPool.SubOf(handle)));
        return handle;
    }

    /// <summary>POST /api/activities signed in as the user with <paramref name="handle"/>, the body as JSON.</summary>
    public Task<HttpResponseMessage> PostAsync(string handle, object body) => PostAsync(handle, JsonContent.Create(body));

    public Task<HttpResponseMessage> PostAsync(string handle, HttpContent content) =>
        Client.SendAsync(SignedIn(new HttpRequestMessage(HttpMethod.Post, "/api/activities") { Content = content }, handle));

    /// <summary>The request with the access token of the user with <paramref name="handle"/>.</summary>
    public HttpRequestMessage SignedIn(HttpRequestMessage request, string handle)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", pool.AccessToken(handle));
        return request;
    }

    /// <summary>An activity created <paramref name="age"/> ago, expiring <paramref name="expiresIn"/> from now (never when null).</summary>
    public async Task<Guid> AddActivityAsync(string handle, string message, TimeSpan age, TimeSpan? expiresIn = null)
    {
        var uuid = Guid.NewGuid();
        await ChangeFeedsAsync("""
            INSERT INTO activities (uuid, user_uuid, message, created_at, expires_at)
            SELECT @uuid, uuid, @message, now() - @age, now() + @expires FROM users WHERE handle = @handle
            """, ("uuid", uuid), ("message", message), ("age", age), ("expires", (object?)expiresIn ?? DBNull.Value), ("handle", handle));
        return uuid;
    }

    /// <summary>
    /// A write to users or activities, returning once the feed cache has heard of it (or is not serving,
    /// so that every read goes to the database): the next read through the API sees it.
    /// </summary>
    public async Task ChangeFeedsAsync(string sql, params (string Name, object Value)[] parameters)
    {
        var before = Cache.Emptied;
        await ExecuteAsync(sql, parameters);
        Assert.True(await Poll.UntilAsync(() => !Cache.Serving || Cache.Emptied > before, TimeSpan.FromSeconds(30)),
            "the feed cache did not hear of the write within 30 s");
    }

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Database.Settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }

    public Task<List<T>> QueryAsync<T>(string sql, params (string Name, object Value)[] parameters) =>
        Rows.ReadAsync<T>(Database.Settings, sql, parameters);

    /// <summary>GET a JSON array; the activities it holds and the response (for headers).</summary>
    public async Task<(List<JsonElement> Items, HttpResponseMessage Response)> GetArrayAsync(string path)
    {
        var response = await Client.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        return (document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList(), response);
    }
}
