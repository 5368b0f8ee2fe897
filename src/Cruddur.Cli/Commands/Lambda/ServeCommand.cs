using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Data;
using Cruddur.PostConfirmation;
using Cruddur.PostConfirmation.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Hosting;

namespace Cruddur.Cli.Commands.Lambda;

public static class ServeCommand
{
    public static Command Build(CliContext cli)
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 picks a free one)", DefaultValueFactory = _ => 3001 };
        var command = new Command("serve", $"Serve Lambda's Invoke API for {LambdaCommands.FunctionName} on 127.0.0.1 until Ctrl+C") { port };
        CommandAction.Set(cli, command, async (result, ct) =>
        {
            var database = FunctionConnection.ForFunction(await Targets.ResolveAsync(cli, result, ct));
            await using var users = new CognitoUsers(database);
            await using var app = InvokeApi.Build(new Function(users, cli.Terminal.ErrorOutput), result.GetValue(port));
            await StartAsync(app, result.GetValue(port), ct);
            cli.Terminal.Line($"Database: {database.RedactedUrl}");
            cli.Terminal.Line($"Listening: {app.Urls.Single()} (function {LambdaCommands.FunctionName})");
            await app.WaitForShutdownAsync(ct);
        });
        return command;
    }

    static async Task StartAsync(WebApplication app, int port, CancellationToken ct)
    {
        try
        {
            await app.StartAsync(ct);
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            throw new CruddurException($"port {port} on 127.0.0.1 is already in use (pass another --port, or 0 for a free one)", e);
        }
    }
}
