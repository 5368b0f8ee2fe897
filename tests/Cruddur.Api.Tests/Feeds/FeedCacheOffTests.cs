using Cruddur.Testing;
using static Cruddur.Api.Tests.Feeds.FeedClient;

namespace Cruddur.Api.Tests.Feeds;

/// <summary>CRUDDUR_FEED_CACHE=off: every read goes to the database, and /api/health says so.</summary>
public class FeedCacheOffTests(PostgresServer server)
{
    [Fact]
    public async Task With_the_cache_off_health_says_off_and_every_read_sees_the_database()
    {
        var database = await server.CreateDatabaseAsync("feedcacheoff");
        var settings = await ApiSettings.FromEnvironmentAsync(name => name switch
        {
            "CONNECTION_URL" => database.Settings.ConnectionString,
            ApiSettings.FeedCacheVariable => "off",
            _ => null,
        }, CancellationToken.None);
        await using var app = CruddurApi.Build(settings with { Port = 0 });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = app.Address() };
        await MessagesAsync(client);

        await Rows.ReadAsync<int>(database.Settings, "INSERT INTO users (display_name, handle) VALUES ('Off', 'cacheoff')");
        await Rows.ReadAsync<int>(database.Settings, "INSERT INTO activities (user_uuid, message) SELECT uuid, 'uncached' FROM users WHERE handle = 'cacheoff'");

        Assert.Contains("uncached", await MessagesAsync(client));
        Assert.Equal(("off", 0L, 0L, 0L), await CacheAsync(client));
        Assert.Empty(await Rows.ReadAsync<int>(database.Settings, 
            "SELECT pid FROM pg_stat_activity WHERE datname = @database AND application_name LIKE '%-listener'", ("database", database.Name)));
    }

    [Theory]
    [InlineData("of")]
    [InlineData("false")]
    public void A_feed_cache_setting_other_than_on_or_off_is_refused_naming_the_variable(string value)
    {
        var error = Assert.Throws<Cruddur.Data.CruddurException>(() => ApiSettings.FeedCacheOn(_ => value));
        Assert.Contains(ApiSettings.FeedCacheVariable, error.Message);
    }
}
