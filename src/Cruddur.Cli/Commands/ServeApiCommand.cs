using System.CommandLine;
using System.Net;
using System.Net.Sockets;
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

    public static readonly Option<string?> Host = new("--host")
    {
        Description = $"The address to listen on (default: {ApiSettings.HostVariable}, else 127.0.0.1; 0.0.0.0 in a container)",
    };

    public static Command Build(CliContext cli)
    {
        var command = new Command("serve", "Run the backend API on the database (no migrations or seed; see: cruddur up)") { Port, Host };
        CommandAction.Set(cli, command, async (result, ct) =>
            await RunAsync(cli, Settings(cli, result, await Targets.ResolveAsync(cli, result, ct), null), ct));
        return command;
    }

    /// <summary>The API's settings from the flags and the environment; <paramref name="cognito"/>, when given, replaces AWS_COGNITO_*.</summary>
    public static ApiSettings Settings(CliContext cli, ParseResult result, Database database, CognitoSettings? cognito)
    {
        var settings = ApiSettings.FromEnvironment(database, PortOf(result), HostOf(cli, result), cli.Variable);
        return cognito is null ? settings : settings with { Cognito = cognito };
    }

    /// <summary>Says before any other work (up's migrations) that the API could not listen: Kestrel's own failure is a 30-line log entry.</summary>
    public static void RefuseBusyPort(CliContext cli, ParseResult result) => RefuseBusyPort(HostOf(cli, result), PortOf(result));

    static void RefuseBusyPort(IPAddress host, int port)
    {
        try
        {
            using var listener = new TcpListener(host, port);
            listener.Start();
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw BusyPort(host, port, e);
        }
    }

    static CruddurException BusyPort(IPAddress host, int port, Exception cause) =>
        new($"port {port} on {host} is already in use (pick another with --port)", cause);

    static int PortOf(ParseResult result) => result.GetValue(Port) is var port and >= 0 and <= 65535
        ? port
        : throw new CruddurException($"--port is {result.GetValue(Port)} (expected a TCP port, 0 to 65535)");

    static IPAddress HostOf(CliContext cli, ParseResult result) =>
        ApiSettings.ParseHost(result.GetValue(Host) ?? (cli.Variable(ApiSettings.HostVariable) is { Length: > 0 } host ? host : "127.0.0.1"), "--host");

    /// <summary>Serves until <paramref name="ct"/> is cancelled (Ctrl-C), then stops cleanly.</summary>
    public static async Task RunAsync(CliContext cli, ApiSettings settings, CancellationToken ct)
    {
        cli.Terminal.Banner("api");
        var (port, host) = (settings.Port, settings.Host);
        RefuseBusyPort(host, port);
        await using var app = CruddurApi.Build(settings, ownsProcessSignals: false);
        try
        {
            await app.StartAsync(ct);
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            throw BusyPort(host, port, e);
        }
        cli.Terminal.Line(settings.Cognito is { } cognito
            ? $"Cognito: {cognito.IssuerText} (client {cognito.ClientId})"
            : $"Cognito: none, so posting is refused (set {CognitoSettings.PoolVariable} and {CognitoSettings.ClientVariable})");
        cli.Terminal.Line($"Listening: {app.Address()} (Ctrl-C stops)");
        await app.WaitForShutdownAsync(ct);
        cli.Terminal.Line("Stopped");
    }
}
