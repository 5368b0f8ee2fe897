using System.Net;
using Cruddur.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cruddur.Browser.Tests;

/// <summary>Serves feed-page.html on 127.0.0.1, a free port: an origin of its own, as the frontend's dev server is.</summary>
public sealed class PageServer : IAsyncDisposable
{
    readonly WebApplication _app;

    PageServer(WebApplication app) => _app = app;

    public Uri Origin => CruddurApi.Address(_app);

    public static async Task<PageServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var page = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "feed-page.html"));
        app.MapGet("/", () => Results.Content(page, "text/html"));
        await app.StartAsync();
        return new PageServer(app);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
