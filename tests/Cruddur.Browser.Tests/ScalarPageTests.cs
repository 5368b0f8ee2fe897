using Cruddur.Api;
using Cruddur.Testing;
using Microsoft.Playwright;

namespace Cruddur.Browser.Tests;

/// <summary>The /scalar page in a real browser: it loads the OpenAPI document and offers the bearer scheme.</summary>
public class ScalarPageTests(PostgresServer server)
{
    [Fact]
    public async Task The_scalar_page_loads_the_openapi_document_with_the_bearer_scheme()
    {
        var database = await server.CreateDatabaseAsync("scalar_page");
        await using var api = CruddurApi.Build(new ApiSettings(database, 0, null));
        await api.StartAsync();
        await using var chromium = await Chromium.StartAsync();
        var tab = await chromium.Context.NewPageAsync();

        var document = await tab.RunAndWaitForResponseAsync(
            () => tab.GotoAsync(new Uri(CruddurApi.Address(api), "/scalar").AbsoluteUri),
            response => response.Url.EndsWith(".json", StringComparison.Ordinal), new PageRunAndWaitForResponseOptions { Timeout = 60_000 });

        Assert.Equal(new Uri(CruddurApi.Address(api), "/openapi/v1.json").AbsoluteUri, document.Url);
        Assert.Equal(200, document.Status);
        Assert.Contains("\"bearerFormat\": \"JWT\"", await document.TextAsync());
    }
}
