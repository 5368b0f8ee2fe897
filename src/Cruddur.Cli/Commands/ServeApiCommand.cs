using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Cruddur.Api;
using Cruddur.Cli.Output;
using Cruddur.Data;
using Cruddur.Data.Settings;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Hosting;

namespace Cruddur.Cli.Commands;

/// <summary>The backend API on 127.0.0.1, in this process, until Ctrl-C.</summary>
public static class ServeApiCommand
{
    public static readonly Option<int> Port = new("--port")
    {
        Description = $"The API's port on 127.0.0.1 (default {ApiSettings.DefaultPort})",
        DefaultValueFactory = _ => ApiSettings.DefaultPort,
    };

    public static Command Build()
    {
        var command = new Command("serve", "Run the backend API on the database (no migrations or seed; see: cruddur up)") { Port };
        CommandAction.Set(command, async (result, ct) =>
            await RunAsync(await Targets.ResolveAsync(result, ct), result.GetValue(Port), ct));
        return command;
    }

    /// <summary>Says before any other work (up's migrations) that the API could not listen.</summary>
    public static void RefuseBusyPort(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw BusyPort(port, e);
        }
    }

    static CruddurException BusyPort(int port, Exception cause) =>
        new($"port {port} on 127.0.0.1 is already in use (pick another with --port)", cause);

    /// <summary>Serves until <paramref name="ct"/> is cancelled (Ctrl-C), then stops cleanly.</summary>
    public static async Task RunAsync(Database database, int port, CancellationToken ct)
    {
        Terminal.Console.Banner("api");
        if (port is < 0 or > 65535) throw new CruddurException($"--port is {port} (expected a TCP port, 0 to 65535)");
        RefuseBusyPort(port);
        var settings = new ApiSettings(database, port, OtlpTarget.FromEnvironment(Environment.GetEnvironmentVariable));
        await using var app = CruddurApi.Build(settings);
        try
        {
            await app.StartAsync(ct);
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            throw BusyPort(port, e);
        }
        Terminal.Console.Line($"Listening: {app.Address()} (Ctrl-C stops)");
        await app.WaitForShutdownAsync(ct);
        Terminal.Console.Line("Stopped");
    }
}
