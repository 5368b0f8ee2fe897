using Cruddur.Api;
using Cruddur.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Npgsql;

namespace Cruddur.Browser.Tests;

/// <summary>
/// A page on another loopback origin reads the home feed in a real browser, as the signed-out
/// frontend does (<c>Authorization: Bearer null</c>, so a preflight first); a foreign origin is refused.
/// </summary>
public class FrontendFeedTests(PostgresServer server)
{
    [Fact]
    public async Task The_frontends_origin_renders_the_feed_and_a_foreign_origin_is_refused()
    {
        var database = await server.CreateDatabaseAsync("frontend_feed");
        var message = $"seen in chromium {Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(database.Settings.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                WITH author AS (INSERT INTO users (display_name, handle) VALUES ('Browser', 'browser') RETURNING uuid)
                INSERT INTO activities (user_uuid, message, expires_at) SELECT uuid, @message, now() + interval '1 hour' FROM author
                """, connection);
            insert.Parameters.AddWithValue("message", message);
            await insert.ExecuteNonQueryAsync();
        }
        await using var frontend = await PageServer.StartAsync();
        await using var foreign = await PageServer.StartAsync();
        await using var api = CruddurApi.Build(new ApiSettings(database, 0, null) { Origins = [frontend.Origin.GetLeftPart(UriPartial.Authority)] });
        await api.StartAsync();
        await using var chromium = await Chromium.StartAsync();

        var allowed = await OpenAsync(chromium, frontend, api);
        var refused = await OpenAsync(chromium, foreign, api);

        Assert.Equal("rendered", allowed.State);
        Assert.Contains($"@browser: {message}", allowed.Items);
        Assert.Equal("refused", refused.State);
        Assert.Empty(refused.Items);
        Assert.Contains(refused.Console, line => line.Contains("CORS", StringComparison.Ordinal));
    }

    sealed record Outcome(string State, IReadOnlyList<string> Items, IReadOnlyList<string> Console);

    static async Task<Outcome> OpenAsync(Chromium chromium, PageServer page, WebApplication api)
    {
        var tab = await chromium.Context.NewPageAsync();
        var console = new List<string>();
        tab.Console += (_, line) => { lock (console) console.Add(line.Text); };
        await tab.GotoAsync($"{page.Origin}?api={Uri.EscapeDataString(CruddurApi.Address(api).GetLeftPart(UriPartial.Authority))}");
        await tab.WaitForSelectorAsync("body[data-state]", new PageWaitForSelectorOptions { Timeout = 60_000, State = WaitForSelectorState.Attached });
        var state = await tab.GetAttributeAsync("body", "data-state");
        var items = await tab.Locator("#feed li").AllInnerTextsAsync();
        await tab.CloseAsync();
        lock (console) return new Outcome(state!, items, [.. console]);
    }
}
