using Cruddur.Api.Apis;
using Cruddur.Api.Auth;
using Cruddur.Api.Cors;
using Cruddur.Api.Feeds;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Scalar.AspNetCore;

namespace Cruddur.Api;

/// <summary>
/// The wiring of the service, shared by its own Program.cs and by <c>cruddur up</c>, which runs it
/// in-process: registrations, then the map of endpoint groups.
/// </summary>
public static class CruddurApi
{
    /// <summary>The largest request body Kestrel reads; a post is a few hundred bytes.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>How long in-flight requests get to finish once the app is told to stop.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);

    /// <param name="ownsProcessSignals">
    /// False when a host process (the CLI) already turns Ctrl-C into the token that stops the app: a
    /// second handler for the same signal races with the first.
    /// </param>
    public static WebApplication Build(ApiSettings settings, bool ownsProcessSignals = true)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(CruddurApi).Assembly.GetName().Name,
            // Never the developer exception page: a 500 must not show SQL or settings.
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.Listen(settings.Host, settings.Port);
        });
        // Per-request logging costs throughput; failures are still logged.
        builder.Logging.ClearProviders().AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning);

        // On SIGTERM in-flight requests get this long to finish; then the data source is disposed with the host.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        if (!ownsProcessSignals) builder.Services.AddSingleton<IHostLifetime, CallerStopsLifetime>();
        builder.Services.AddApiDatabase(settings.Database);
        builder.Services.AddSingleton(services => new DatabaseOutage(settings.Database.Name, services.GetRequiredService<ILogger<DatabaseOutage>>()));
        builder.Services.AddFeedCache(settings);
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails =
            context => context.HttpContext.RequestServices.GetRequiredService<DatabaseOutage>().Describe(context));
        builder.Services.AddFrontendCors(settings.Origins);
        builder.Services.AddCognitoAuthentication(settings.Cognito);
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer<BearerSecurityScheme>().AddOperationTransformer<BearerSecurityScheme>());
        builder.Services.AddTracing(settings.Otlp);

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = StatusCodeOf,
            SuppressDiagnosticsCallback = app.Services.GetRequiredService<DatabaseOutage>().SuppressDiagnostics,
        });
        app.UseStatusCodePages();
        app.UseHeadAsGet();
        app.UseRouting();
        app.UseFrontendCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapActivitiesApi();
        app.MapHealthApi();
        return app;
    }

    // A malformed request Kestrel notices while the handler reads it (a broken chunked body) keeps its 4xx.
    static int StatusCodeOf(Exception error) =>
        error is BadHttpRequestException bad ? bad.StatusCode : DatabaseOutage.StatusCode(error);

    /// <summary>The address Kestrel listens on once started (with port 0, the port it was given).</summary>
    public static Uri Address(this WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
