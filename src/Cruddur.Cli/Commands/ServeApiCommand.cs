using System.CommandLine;
using Cruddur.Api;
using Cruddur.Api.Auth;
using Cruddur.Cli.Output;
using Cruddur.Data;
using Cruddur.Data.Settings;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Hosting;

namespace Cruddur.Cli.Commands;

/// <summary>The backend API (on 127.0.0.1 unless told), in this process, until Ctrl-C.</summary>
public static class ServeApiCommand
{
    public static readonly Option<int> Port = new("--port")
    {
        Description = $"The API's port (default {ApiSettings.DefaultPort})",
        DefaultValueFactory = _ => ApiSettings.DefaultPort,
    };

    public static readonly Option<string> Host = new("--host")
    {
        Description = $"The address to listen on (default: {ApiSettings.HostVariable}, else 127.0.0.1; 0.0.0.0 in a container)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ApiSettings.HostVariable) is { Length: > 0 } host ? host : "127.0.0.1",
    };

    public static Command Build()
    {
        var command = new Command("serve", "Run the backend API on the database (no migrations or seed; see: cruddur up)") { Port, Host };
        CommandAction.Set(command, async (result, ct) =>
            await RunAsync(Settings(result, await Targets.ResolveAsync(result, ct), null), ct));
        return command;
    }

    /// <summary>The API's settings from the flags and the environment; <paramref name="cognito"/>, when given, replaces AWS_COGNITO_*.</summary>
    public static ApiSettings Settings(ParseResult result, Database database, CognitoSettings? cognito)
    {
        var port = result.GetValue(Port);
        if (port is < 0 or > 65535) throw new CruddurException($"--port is {port} (expected a TCP port, 0 to 65535)");
        var host = ApiSettings.ParseHost(result.GetValue(Host)!, "--host");
        var settings = ApiSettings.FromEnvironment(database, port, host, Environment.GetEnvironmentVariable);
        return cognito is null ? settings : settings with { Cognito = cognito };
    }

    /// <summary>Serves until <paramref name="ct"/> is cancelled (Ctrl-C), then stops cleanly.</summary>
    public static async Task RunAsync(ApiSettings settings, CancellationToken ct)
    {
        Terminal.Console.Banner("api");
        var (port, host) = (settings.Port, settings.Host);
        await using var app = CruddurApi.Build(settings);
        try
        {
            await app.StartAsync(ct);
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            throw new CruddurException($"port {port} on {host} is already in use (pick another with --port)", e);
        }
        Terminal.Console.Line(settings.Cognito is { } cognito
            ? $"Cognito: {cognito.IssuerText} (client {cognito.ClientId})"
            : $"Cognito: none, so posting is refused (set {CognitoSettings.PoolVariable} and {CognitoSettings.ClientVariable})");
        Terminal.Console.Line($"Listening: {app.Address()} (Ctrl-C stops)");
        await app.WaitForShutdownAsync(ct);
        Terminal.Console.Line("Stopped");
    }
}
