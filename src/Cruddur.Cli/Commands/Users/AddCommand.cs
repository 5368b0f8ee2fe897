using System.CommandLine;
using Cruddur.Cli.Cognito;
using Cruddur.Cli.Output;

namespace Cruddur.Cli.Commands.Users;

/// <summary>Signs a user up and confirms them through the local Cognito, so that its trigger writes the users row.</summary>
public static class AddCommand
{
    public static Command Build(CliContext cli)
    {
        var handle = new Argument<string>("handle") { Description = "The user's handle (preferred_username)" };
        var email = new Option<string>("--email") { Description = "The user's email, their user name at sign-in", Required = true };
        var name = new Option<string>("--name") { Description = "The display name", Required = true };
        var command = new Command("add", "Sign a user up and confirm them on the local Cognito (the post-confirmation trigger writes the users row)")
        {
            handle, email, name,
        };
        CommandAction.Set(cli, command, async (result, ct) =>
        {
            var home = UsersCommands.Home(cli);
            var pool = await LocalPool.RunningAsync(home, ct);
            var database = await Targets.ResolveAsync(cli, result, ct);
            var user = LocalUser.New(result.GetValue(handle)!, result.GetValue(email)!, result.GetValue(name)!);
            using var cognito = new CognitoClient(pool.Endpoint);
            var sub = await LocalUsers.AddAsync(database, pool, cognito, home, user, ct);
            cli.Terminal.Line($"Signed up: {user.Handle} <{user.Email}> (Cognito sub {sub})");
            cli.Terminal.Line($"Confirmed: the post-confirmation trigger wrote the users row for {user.Handle}");
            cli.Terminal.Line($"Token: cruddur users token {user.Handle}");
        });
        return command;
    }
}
