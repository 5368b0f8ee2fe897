using System.CommandLine;
using Cruddur.Cli.Output;
using Cruddur.Data;
using Cruddur.PostConfirmation;
using Cruddur.PostConfirmation.Users;

namespace Cruddur.Cli.Commands.Lambda;

public static class InvokeCommand
{
    public static Command Build(CliContext cli)
    {
        var function = new Argument<string>("function") { Description = "The function to run" };
        function.AcceptOnlyFromAmong("post-confirmation");
        var eventFile = new Option<FileInfo>("--event") { Description = "A JSON file with the Cognito event", Required = true };
        var command = new Command("invoke", "Run the handler in-process on an event file and print the event it returns")
        {
            function, eventFile,
        };
        CommandAction.Set(cli, command, async (result, ct) =>
        {
            var file = result.GetRequiredValue(eventFile);
            if (!file.Exists) throw new CruddurException($"event file {file.FullName} not found");
            var database = FunctionConnection.ForFunction(await Targets.ResolveAsync(cli, result, ct));
            await using var users = new CognitoUsers(database);
            var log = result.GetValue(cli.Options.Verbose) ? cli.Terminal.ErrorOutput : TextWriter.Null;
            await using var input = file.OpenRead();
            await using var output = await new Function(users, log).InvokeAsync(input, ct);
            using var reader = new StreamReader(output);
            cli.Terminal.Line(await reader.ReadToEndAsync(ct));
        });
        return command;
    }
}
